package io.genscope.agent.install;

/**
 * Where the weaving gets the index of a rule less some captures, for the methods those captures
 * cannot work on: the runtime's {@code GenscopeRuntime.variant}. The index goes into the woven
 * code as a constant of its calls into the runtime; its figures count under the rule.
 */
@FunctionalInterface
interface RuleVariants {

    /**
     * @param rule            the config rule's index
     * @param droppedCaptures bits of {@code RuleCaptures.bit} for the captures to leave out
     * @return {@code rule} itself when nothing is dropped, else its variant's index
     */
    int variant(int rule, int droppedCaptures);
}
