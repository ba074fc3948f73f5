package com.example.codegen;

import com.example.codegen.validation.DiscardingFileManager;
import com.example.codegen.validation.ImportScanner;
import com.example.codegen.validation.InMemorySource;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;

/**
 * Checks a source the way a build would: by compiling it with the JDK's own compiler, in memory.
 * Compiling rather than parsing matters because most defects a model makes (an unknown symbol, a
 * wrong type, a missing return) are found only once names and types are resolved.
 *
 * <p>The compiler and its file manager are set up once and reused: that set-up costs far more
 * than compiling one small class. Class files are thrown away.
 *
 * <p>Thread-safety: {@link #validate} is {@code synchronized}, because javac's file manager is not
 * safe for concurrent use; concurrent callers wait for each other.
 *
 * <p><b>Note:</b> needs a JDK at run time. A bare JRE has no system compiler, and the constructor
 * then throws {@link IllegalStateException}.
 */
public final class JavacValidator {

    /**
     * No annotation processing, which generated sources do not use; and stop after flow analysis,
     * the last phase that finds errors in source, instead of generating code. The second is a
     * hidden javac option that halves the time per source; a compiler that ignores it only runs
     * slower, since the file manager throws class files away anyway.
     */
    private static final List<String> OPTIONS = List.of("-proc:none", "-XDshould-stop.ifNoError=FLOW");

    private final JavaCompiler compiler;
    private final JavaFileManager fileManager;

    public JavacValidator() {
        compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("no system Java compiler: run on a JDK, not a JRE");
        }
        fileManager = new DiscardingFileManager(
                compiler.getStandardFileManager(null, Locale.ENGLISH, StandardCharsets.UTF_8));
    }

    /**
     * Compiles one source and lists its errors and imported packages. Bad source never makes it
     * throw: whatever javac finds wrong is in the result.
     *
     * @param className simple name of the public class the source should declare; the source is
     *                  compiled as the file {@code className.java}
     */
    public synchronized ValidationResult validate(String className, String source) {
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        compiler.getTask(null, fileManager, diagnostics, OPTIONS, null, List.of(new InMemorySource(className, source)))
                .call();
        List<CompilerError> errors = diagnostics.getDiagnostics().stream()
                .filter(diagnostic -> diagnostic.getKind() == Diagnostic.Kind.ERROR)
                .map(JavacValidator::toError)
                .toList();
        return new ValidationResult(errors.isEmpty(), errors, ImportScanner.packagesOf(source));
    }

    private static CompilerError toError(Diagnostic<?> diagnostic) {
        // getCode() may be null by contract, though javac always sets it.
        return new CompilerError(Objects.requireNonNullElse(diagnostic.getCode(), "unknown"),
                diagnostic.getMessage(Locale.ENGLISH));
    }
}
