package com.example.codegen.validation;

import java.net.URI;
import javax.tools.SimpleJavaFileObject;

/**
 * A compilation unit held in a string. It is named {@code className.java} so that javac applies
 * its one-public-class-per-file rule exactly as it would on disk.
 */
public final class InMemorySource extends SimpleJavaFileObject {

    private final String source;

    /** @throws IllegalArgumentException when {@code className} cannot be part of a URI, e.g. has spaces */
    public InMemorySource(String className, String source) {
        super(URI.create("string:///" + className + Kind.SOURCE.extension), Kind.SOURCE);
        this.source = source;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return source;
    }
}
