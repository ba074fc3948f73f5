package bench.host;

import bench.workload.FakeGenerator;
import bench.workload.FakeValidator;
import bench.workload.GeneratedSource;
import bench.workload.GenerationRequest;
import bench.workload.PlainWork;

/** Calls the three instrumented workload methods in turn, as the rules of {@code configs/calls.yaml} expect. */
final class CallMix {

    private CallMix() {
    }

    /**
     * Makes {@code calls} intercepted calls, a third of them to each rule.
     *
     * @return a checksum to print, so that the JIT cannot drop the calls
     */
    static long run(long calls) {
        FakeGenerator generator = new FakeGenerator("codex-bench");
        FakeValidator validator = new FakeValidator();
        PlainWork plain = new PlainWork();
        GenerationRequest request = new GenerationRequest("project-7", "Write a class that parses a CSV line");
        GeneratedSource source = generator.generate(request);
        long checksum = 0;
        for (long i = 0; i < calls; i++) {
            switch ((int) (i % 3)) {
                case 0 -> checksum += plain.step(i);
                case 1 -> checksum += generator.generate(request).source().length();
                default -> checksum += validator.validate(source).ok() ? 1 : 0;
            }
        }
        return checksum;
    }
}
