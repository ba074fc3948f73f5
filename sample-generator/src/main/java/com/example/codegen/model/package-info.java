/**
 * Deterministic stand-ins for code LLMs: templates chosen by the prompt, broken on purpose at a
 * model-specific rate, so that a run has successes, repairs and failures without a network.
 */
package com.example.codegen.model;
