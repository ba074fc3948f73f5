package io.genscope.agent.it.hostile.hosts;

import com.example.codegen.CodeGenerator;
import com.example.codegen.CodeModel;
import com.example.codegen.GenerationRequest;
import com.example.codegen.JavacValidator;

/**
 * The sample generator ({@link CodeGenerator} and its {@link JavacValidator}, instrumented by the
 * sample's own {@code genscope.yaml}) driven by a model that plants {@link PrivacyMarkers markers}:
 * in every prompt, and in the code it answers, where javac quotes them in its messages (the
 * first line of one of them included). The model's {@code name()}, which the sample's config
 * captures, throws with the last prompt in its message.
 *
 * <p>Usage: {@code PrivacySampleHost <seed> <requests>}. Then, like {@link PrivacyPlainErrorsHost},
 * it drops its references, prints {@code PRIVACY_READY markers=<n> …} and waits to be killed.
 */
public final class PrivacySampleHost {

    private PrivacySampleHost() {
    }

    public static void main(String[] args) throws InterruptedException {
        PrivacyMarkers markers = new PrivacyMarkers(Long.parseLong(args[0]));
        markers.readyAndWait(run(markers, Integer.parseInt(args[1])));
    }

    private static String run(PrivacyMarkers markers, int requests) {
        CodeGenerator generator = new CodeGenerator(new MarkedModel(markers), new JavacValidator(), 2);
        int succeeded = 0;
        int failed = 0;
        for (int i = 1; i <= requests; i++) {
            String className = "Gen" + i;
            try {
                generator.generate(new GenerationRequest("billing",
                        "Write a Java class " + className + " for the customer " + markers.next(), className));
                succeeded++;
            } catch (RuntimeException e) {
                failed++;
            }
        }
        return "succeeded=" + succeeded + " failed=" + failed;
    }

    /**
     * Answers badly first (a public class under a marker's name, an unknown marker symbol, a
     * marker in a string literal and a comment), then, on odd requests, correctly.
     */
    static final class MarkedModel implements CodeModel {

        private final PrivacyMarkers markers;
        private int requests;
        private String lastPrompt;

        MarkedModel(PrivacyMarkers markers) {
            this.markers = markers;
            this.lastPrompt = "You write Java for the customer " + markers.next();
        }

        @Override
        public String name() {
            throw new IllegalStateException("model not chosen yet for prompt: " + lastPrompt);
        }

        @Override
        public String complete(String prompt, int attempt) {
            lastPrompt = prompt;
            String className = prompt.substring("Write a Java class ".length(), prompt.indexOf(' ', 19));
            if (attempt == 1) {
                requests++;
                return "// " + markers.next() + "\npublic class " + markers.next() + " {\n  String s = \""
                        + markers.next() + "\";\n  int n = " + markers.next() + ";\n}\n";
            }
            return requests % 2 == 1
                    ? "import java.util.List;\npublic class " + className + " {\n  List<String> names;\n}\n"
                    : "public class " + className + " {\n  int n = " + markers.next() + ";\n}\n";
        }
    }
}
