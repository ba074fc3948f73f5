/**
 * Reads the agent's config file ({@code genscope.yaml}) into typed, immutable settings.
 *
 * <p>The agent is configured by one YAML (or JSON) file. {@link io.genscope.agent.config.ConfigLocator}
 * finds it, {@link io.genscope.agent.config.ConfigLoader} parses it over the bundled
 * {@code defaults.yaml}, validates every value and returns a
 * {@link io.genscope.agent.config.LoadedConfig}: the settings to run with plus every
 * {@link io.genscope.agent.config.ConfigProblem} found, each a single line naming file, line and
 * field. Loading never throws for bad input, because a typo in a config file must not take the
 * host application down; whether a problem stops the agent is the agent's decision.
 *
 * <p>Capture expressions are checked for syntax only here
 * ({@link io.genscope.agent.config.CaptureExpressionParser}); whether they resolve against the
 * real method is decided when the method is instrumented, and reported there through
 * {@link io.genscope.agent.config.ConfigOrigin}.
 */
package io.genscope.agent.config;
