package io.genscope.agent.metrics.http;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.genscope.agent.metrics.EndpointPlan;
import io.genscope.agent.metrics.HttpServing;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * The endpoint on the JDK's HTTP server: one context for every path, answered by a
 * {@link ScrapeHandler} on the server's dispatcher thread (no executor: one scrape at a time, and
 * no thread beyond the server's own).
 *
 * <p>Defined by {@code EndpointClassLoader}, the one place where {@code com.sun.net.httpserver} is
 * visible; reached only through {@link HttpServing}.
 */
public final class JdkHttpServing implements HttpServing {

    @Override
    public InetSocketAddress serve(EndpointPlan plan) throws IOException {
        HttpServer server;
        if (plan.tls().isPresent()) {
            HttpsServer https = HttpsServer.create(plan.address(), 0);
            https.setHttpsConfigurator(new HttpsConfigurator(plan.tls().get()));
            server = https;
        } else {
            server = HttpServer.create(plan.address(), 0);
        }
        server.createContext("/", new ScrapeHandler(plan.guard(), plan.scrapes()));
        server.start();
        return server.getAddress();
    }
}
