/**
 * A batch front end in the style of OpenAPI Generator's: a service that checks the input spec
 * before generating ({@link com.example.codegen.batch.SpecService}, a validation outside the
 * generation method), and a runner that catches a failed generation and returns a failed result
 * instead of throwing ({@link com.example.codegen.batch.BatchRunner}). Run with
 * {@code --batch} and instrumented by {@code genscope-batch.yaml}.
 */
package com.example.codegen.batch;
