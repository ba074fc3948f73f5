/**
 * A tiny fake code generator for the benchmarks: the methods the benchmark configs instrument.
 *
 * <p>It lives outside {@code io.genscope} on purpose, because the agent never instruments classes
 * in its own packages. Each method does trivial work whose result the caller consumes, so the JIT
 * cannot remove the call and what the benchmarks compare is the cost the agents add around it.
 */
package bench.workload;
