package io.genscope.agent.logging;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;


/**
 * The SLF4J binding of the agent's own (relocated) SLF4J: found through the relocated
 * {@code META-INF/services} entry, so it can never be picked up by, or pick up, the host's SLF4J.
 * The agent's own classes skip the lookup ({@link AgentLogging#logger()}); every name gets that
 * same logger here.
 */
public final class StderrLoggerProvider implements SLF4JServiceProvider {

    private final ILoggerFactory loggerFactory = name -> AgentLogging.logger();
    private final IMarkerFactory markerFactory = new BasicMarkerFactory();
    private final MDCAdapter mdcAdapter = new NOPMDCAdapter();

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggerFactory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markerFactory;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdcAdapter;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        // loggers are created on demand
    }
}
