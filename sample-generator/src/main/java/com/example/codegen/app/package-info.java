/**
 * The command-line run behind {@link com.example.codegen.SampleApp}: options, a seeded workload,
 * the run's own bookkeeping and its report, including the {@code GROUND_TRUTH} line.
 */
package com.example.codegen.app;
