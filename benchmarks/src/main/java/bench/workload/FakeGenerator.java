package bench.workload;

/**
 * The generation method: picks one of a few canned sources from the request and the model, so
 * the answer depends on its input and is never a constant.
 */
public final class FakeGenerator {

    private static final String[] SOURCES = {
        "class A { int a() { return 1; } }",
        "import java.util.List;\nclass B { List<String> b() { return List.of(); } }",
        "import java.io.File;\nclass C { File c() { return new File(\".\"); } }",
        "class D { }",
    };

    private final String model;

    public FakeGenerator(String model) {
        this.model = model;
    }

    public GeneratedSource generate(GenerationRequest request) {
        int pick = (request.prompt().length() + model.length()) & (SOURCES.length - 1);
        return new GeneratedSource(SOURCES[pick]);
    }
}
