package io.genscope.agent.install;

import io.genscope.agent.capture.RuleCompiler;
import io.genscope.agent.config.ConfigProblem;
import io.genscope.agent.config.GenscopeSettings;
import io.genscope.agent.config.RuleSettings;
import io.genscope.agent.logging.AgentLogging;
import io.genscope.runtime.Role;
import io.genscope.runtime.store.BreakdownDimension;
import io.genscope.runtime.store.StoreFootprint;
import io.genscope.runtime.store.TelemetrySettings;
import org.slf4j.Logger;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the store's worst case against {@code store.max-memory} before anything starts: prints
 * the worst case once at {@code info}, and finds a config whose worst case is larger a problem
 * that keeps Genscope from starting, naming the setting to lower.
 */
final class MemoryBudget {

    private static final Logger LOGGER = AgentLogging.logger();

    private MemoryBudget() {
    }

    /**
     * The breakdown dimensions the generation rules capture: each costs rows per slice. Read off
     * the compiled captures, as the runtime reads them when it registers the Breakdown MBeans.
     */
    static Set<BreakdownDimension> breakdowns(GenscopeSettings settings) {
        Set<BreakdownDimension> captured = EnumSet.noneOf(BreakdownDimension.class);
        for (RuleSettings rule : settings.rules()) {
            if (rule.role() == Role.GENERATION) {
                captured.addAll(RuleCompiler.compile(rule).captures().breakdownDimensions());
            }
        }
        return captured;
    }

    /** @return the problem when the worst case is over the budget */
    static Optional<ConfigProblem> check(Path file, GenscopeSettings settings) {
        int generationRules = 0;
        boolean requests = false;
        for (RuleSettings rule : settings.rules()) {
            generationRules += rule.role() == Role.GENERATION ? 1 : 0;
            requests |= rule.role() == Role.REQUEST;
        }
        return check(file, settings.store(), generationRules, breakdowns(settings), requests);
    }

    /**
     * The check for a store of {@code store}'s settings counting {@code generationRules}
     * generation rules that capture the {@code breakdowns}, with the request totals and held
     * validations when {@code requests}: at start those of the file; at a reload every generation
     * slot the store will have (a removed rule's figures stay), the breakdowns of the new file and
     * the requests of start-up.
     */
    static Optional<ConfigProblem> check(Path file, TelemetrySettings store, int generationRules,
                                         Set<BreakdownDimension> breakdowns, boolean requests) {
        StoreFootprint footprint = StoreFootprint.of(store, generationRules, breakdowns, requests);
        LOGGER.info("store memory: {} (store.max-memory {})", footprint.describe(), StoreFootprint.mib(store.maxMemory()));
        if (footprint.totalBytes() <= store.maxMemory()) {
            return Optional.empty();
        }
        return Optional.of(new ConfigProblem(file.toString(), 0, "store", "the store's worst case, "
                + StoreFootprint.mib(footprint.totalBytes()) + ", is over store.max-memory ("
                + StoreFootprint.mib(store.maxMemory()) + "); lower " + footprint.settingToLower(store)
                + ", or raise store.max-memory (Genscope is not started; the application runs without it)",
                ConfigProblem.Severity.FATAL));
    }
}
