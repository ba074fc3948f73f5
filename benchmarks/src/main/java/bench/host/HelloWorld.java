package bench.host;

/**
 * The start-up measurement: a hello-world whose {@code greet} method {@code configs/hello.yaml}
 * names. run.sh times the whole {@code java} process.
 *
 * <pre>
 * java -javaagent:agent/target/genscope-agent.jar=config=benchmarks/configs/hello.yaml \
 *      -cp benchmarks/target/benchmarks.jar bench.host.HelloWorld
 * </pre>
 */
public final class HelloWorld {

    private HelloWorld() {
    }

    public static void main(String[] args) {
        System.out.println(greet("world"));
    }

    static String greet(String name) {
        return "Hello, " + name + "!";
    }
}
