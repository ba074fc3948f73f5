package io.genscope.agent.metrics;

/**
 * Why the metrics endpoint could not start, in words a user can act on: the setting, what is
 * wrong with it and, where it helps, what to do. Logged once as a WARN line.
 */
final class EndpointStartException extends Exception {

    EndpointStartException(String message) {
        super(message, null, false, false);
    }
}
