package io.genscope.runtime.capture;

/** Reads one member of an object: what a path step becomes once resolved on a class. */
@FunctionalInterface
interface Accessor {

    Object read(Object target) throws Throwable;
}
