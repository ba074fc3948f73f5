package io.genscope.agent.install;

import io.genscope.agent.logging.AgentLogging;
import io.genscope.runtime.RuntimeLog;
import org.slf4j.Logger;

/** The runtime's problems and news, printed through the agent's own logging. */
final class Slf4jRuntimeLog implements RuntimeLog {

    private final Logger logger = AgentLogging.logger();

    @Override
    public void warn(String message) {
        logger.warn(message);
    }

    @Override
    public void error(String message) {
        logger.error(message);
    }

    @Override
    public void info(String message) {
        logger.info(message);
    }
}
