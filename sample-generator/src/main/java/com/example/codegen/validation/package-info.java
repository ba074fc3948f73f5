/** The parts {@link com.example.codegen.JavacValidator} compiles with: in-memory sources, no class output, imports. */
package com.example.codegen.validation;
