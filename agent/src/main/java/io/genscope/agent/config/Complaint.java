package io.genscope.agent.config;

/**
 * Where a reader reports one bad key or value. The reader only knows what is wrong; the receiver
 * knows what it costs (a dropped rule, a default used) and words the consequence.
 */
@FunctionalInterface
interface Complaint {

    /**
     * @param line  1-based line of the offending key or value
     * @param field path of the offending key, as in {@code rules[0].method}
     * @param what  what is wrong and what would be valid, without the consequence
     */
    void at(int line, String field, String what);
}
