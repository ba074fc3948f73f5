package io.genscope.agent.it.launch;

import com.example.codegen.SampleApp;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.PackageVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * A host that brings its own, older Jackson and SLF4J (with a binding) on the class path and uses
 * both before running the sample generator: Genscope's relocated copies must neither replace nor
 * disturb them.
 */
public final class HostWithOwnLibraries {

    private HostWithOwnLibraries() {
    }

    public static void main(String[] args) throws Exception {
        Logger logger = LoggerFactory.getLogger(HostWithOwnLibraries.class);
        logger.info("host logging through {}", LoggerFactory.getILoggerFactory().getClass().getName());
        System.out.println("host jackson " + PackageVersion.VERSION + " wrote "
                + new ObjectMapper().writeValueAsString(Map.of("host", "ok")));
        SampleApp.main(args);
    }
}
