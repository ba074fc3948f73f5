package io.genscope.runtime.capture;

/**
 * Reads one member of an object: what a path step becomes once resolved on a class. Public only
 * because accessors for getters are generated in the getter's own package (see
 * {@code MemberLookup}) and must implement it from there.
 */
@FunctionalInterface
public interface Accessor {

    Object read(Object target) throws Throwable;
}
