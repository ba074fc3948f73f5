package io.genscope.runtime.capture;

/**
 * Reads one member of an object (what a path step becomes once resolved on a class), or walks a
 * whole path from its start value ({@link PropertyPath#walker()}).
 */
@FunctionalInterface
public interface Accessor {

    Object read(Object target) throws Throwable;
}
