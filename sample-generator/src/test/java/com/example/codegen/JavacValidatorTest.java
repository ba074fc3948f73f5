package com.example.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JavacValidatorTest {

    private final JavacValidator validator = new JavacValidator();

    @Test
    void acceptsValidSource() {
        ValidationResult result = validator.validate("Greeter", """
                public class Greeter {
                    String hello(String name) {
                        return "Hello, " + name;
                    }
                }
                """);

        assertThat(result.ok()).isTrue();
        assertThat(result.errors()).isEmpty();
    }

    @Test
    void reportsMissingSemicolonByItsDiagnosticCode() {
        ValidationResult result = validator.validate("Counter", """
                public class Counter {
                    private int count = 0
                }
                """);

        assertThat(result.ok()).isFalse();
        assertThat(result.errors()).extracting(CompilerError::code).containsExactly("compiler.err.expected");
        assertThat(result.errors().get(0).message()).isEqualTo("';' expected");
    }

    @Test
    void reportsImportOfAPackageThatDoesNotExist() {
        ValidationResult result = validator.validate("Lists", """
                import com.google.common.collect.ImmutableList;

                public class Lists {
                }
                """);

        assertThat(result.ok()).isFalse();
        assertThat(result.errors()).extracting(CompilerError::code).containsExactly("compiler.err.doesnt.exist");
        assertThat(result.errors().get(0).message()).contains("com.google.common.collect");
        assertThat(result.dependencies()).containsExactly("com.google.common.collect");
    }

    @Test
    void reportsEveryErrorOfAnAttributedSource() {
        ValidationResult result = validator.validate("Broken", """
                public class Broken {
                    int size() {
                        return "many";
                    }

                    String name() {
                        return missing;
                    }
                }
                """);

        assertThat(result.errors()).extracting(CompilerError::code)
                .containsExactly("compiler.err.prob.found.req", "compiler.err.cant.resolve.location");
    }

    @Test
    void detectsDependenciesFromImportsAsDistinctPackagesInSourceOrder() {
        ValidationResult result = validator.validate("Client", """
                import java.net.http.HttpClient;
                import java.util.List;
                import java.util.Map.Entry;
                import java.util.concurrent.*;
                import static java.util.Objects.requireNonNull;
                import java.net.http.HttpRequest;

                public class Client {
                }
                """);

        assertThat(result.ok()).isTrue();
        assertThat(result.dependencies()).containsExactly("java.net.http", "java.util", "java.util.concurrent");
    }

    @Test
    void detectsDependenciesEvenWhenTheSourceDoesNotParse() {
        ValidationResult result = validator.validate("Half", "import java.time.Duration;\npublic class Half {");

        assertThat(result.ok()).isFalse();
        assertThat(result.dependencies()).containsExactly("java.time");
    }

    @Test
    void reportsAClassWhoseNameDoesNotMatchTheExpectedFile() {
        ValidationResult result = validator.validate("Expected", "public class Actual {\n}\n");

        assertThat(result.errors()).extracting(CompilerError::code)
                .containsExactly("compiler.err.class.public.should.be.in.file");
    }

    @Test
    void turnsTextThatIsNotJavaIntoErrorsInsteadOfThrowing() {
        ValidationResult result = validator.validate("Prose", "Sure! Here is the class you asked for:\n```java");

        assertThat(result.ok()).isFalse();
        assertThat(result.errors()).isNotEmpty();
        assertThat(result.dependencies()).isEmpty();
    }
}
