package io.genscope.agent.metrics;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * The part of the endpoint that uses the JDK's HTTP server ({@code com.sun.net.httpserver}, module
 * {@code jdk.httpserver}). That module's classes are defined by the platform class loader, which
 * the bootstrap class loader, where the agent's classes live, cannot see; so the one
 * implementation, {@code io.genscope.agent.metrics.http.JdkHttpServing}, is defined by an
 * {@link EndpointClassLoader} and reached through this interface.
 */
public interface HttpServing {

    /**
     * Binds the plan's address and starts serving on a thread the server starts from the calling
     * thread (whose thread group and daemon status it takes).
     *
     * @return the address bound, with the port chosen when the plan's was 0
     * @throws IOException when the address cannot be bound
     */
    InetSocketAddress serve(EndpointPlan plan) throws IOException;
}
