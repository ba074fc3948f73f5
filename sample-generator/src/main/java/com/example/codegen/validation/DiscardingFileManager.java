package com.example.codegen.validation;

import java.io.OutputStream;
import java.net.URI;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;

/**
 * Lets javac read the platform classes as usual but throws away every class file it writes:
 * validation only wants the diagnostics, and nothing should land on disk.
 *
 * <p>Thread-safety: that of the delegate, which for javac's standard file manager is none.
 */
public final class DiscardingFileManager extends ForwardingJavaFileManager<JavaFileManager> {

    public DiscardingFileManager(JavaFileManager delegate) {
        super(delegate);
    }

    @Override
    public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                               FileObject sibling) {
        URI uri = URI.create("discarded:///" + className.replace('.', '/') + kind.extension);
        return new SimpleJavaFileObject(uri, kind) {
            @Override
            public OutputStream openOutputStream() {
                return OutputStream.nullOutputStream();
            }
        };
    }
}
