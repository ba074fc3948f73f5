/**
 * A code generator that asks a model for Java source, compiles it with javac and repairs what
 * does not compile.
 *
 * <p>It knows nothing of Genscope on purpose: it is the application the agent is attached to in
 * the demo and in the integration tests, so it must look like code somebody else wrote. Its
 * {@link com.example.codegen.SampleApp} prints its own count of what happened as a
 * {@code GROUND_TRUTH} line, against which the agent's telemetry is checked.
 *
 * <p>Data path: {@link com.example.codegen.SampleApp} → {@link com.example.codegen.CodeGenerator#generate}
 * → {@link com.example.codegen.CodeModel#complete} → {@link com.example.codegen.JavacValidator#validate}
 * → on errors {@link com.example.codegen.CodeGenerator#repair} → validate again, up to the attempt limit.
 */
package com.example.codegen;
