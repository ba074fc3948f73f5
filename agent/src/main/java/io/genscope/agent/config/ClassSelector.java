package io.genscope.agent.config;

/**
 * Which classes a rule looks into: the {@code class} or {@code implements} key of a rule.
 * Names are binary names as {@link Class#getName()} spells them ({@code com.acme.Outer$Inner}).
 */
public sealed interface ClassSelector {

    /** Short text for the default rule name {@code <this>.<method>}. */
    String displayName();

    /** {@code class: com.acme.CodeGenerator}: exactly this class. */
    record Named(String className) implements ClassSelector {
        @Override
        public String displayName() {
            return JavaNames.simpleName(className);
        }
    }

    /**
     * {@code class: com.acme.*Generator}: every class whose name matches the glob, where
     * {@code *} matches any run of characters, dots included, and {@code ?} one character.
     */
    record Glob(String pattern) implements ClassSelector {
        @Override
        public String displayName() {
            return pattern;
        }

        /** Whether the glob selects the class of this binary name. */
        public boolean matches(String className) {
            return JavaNames.globMatches(pattern, className);
        }
    }

    /**
     * {@code implements: com.acme.Generator}: every class that implements this interface or
     * extends this class. Which classes those are is only known as they load.
     */
    record SubtypeOf(String typeName) implements ClassSelector {
        @Override
        public String displayName() {
            return JavaNames.simpleName(typeName);
        }
    }
}
