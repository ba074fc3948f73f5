package io.genscope.agent.config;

import io.genscope.agent.config.ConfigProblem.Severity;
import io.genscope.runtime.Role;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code rules} list. Each rule stands alone: a problem in one drops that rule (and
 * says so by its name), never the others, because instrumenting a method in a way the user did
 * not ask for is worse than not instrumenting it.
 */
final class RuleReader {

    private static final List<String> KEYS =
            List.of("name", "role", "class", "implements", "method", "parameters", "annotation", "capture",
                    SuccessReader.WHEN, SuccessReader.FAILURE_TYPE);
    private static final Values.OneOf<Role> ROLE = new Values.OneOf<>("a role", Arrays.asList(Role.values())) {
        @Override
        String spelling(Role role) {
            return role.configName();
        }
    };
    private static final String ROLE_FORM =
            "one of " + ROLE.spellings();
    private static final String SELECTOR_FORM = "class: " + Values.CLASS_FORM + ", or implements: " + Values.TYPE_FORM;
    private static final String NO_RULES = "nothing will be recorded";
    /** The longest rule name: names become MBean names and log text, so they stay short. */
    static final int MAX_NAME_LENGTH = 200;

    private final Problems problems;
    private final Map<String, String> pathsByName = new HashMap<>();

    private RuleReader(Problems problems) {
        this.problems = problems;
    }

    /**
     * @param node    the value of {@code rules}, {@code null} when absent
     * @param enabled whether the agent is on; only then is an empty list a problem
     * @return the usable rules, in file order
     */
    static List<RuleSettings> read(YamlNode node, boolean enabled, Problems problems) {
        if (node != null && !(node instanceof YamlNode.Sequence)) {
            problems.add(Severity.SETTING, node.line(), "rules",
                    "expected a list of rules, each starting with '- ', got " + node.display(), NO_RULES);
            return List.of();
        }
        List<YamlNode> items = node == null ? List.of() : ((YamlNode.Sequence) node).items();
        if (items.isEmpty() && enabled) {
            problems.add(Severity.SETTING, node == null ? 0 : node.line(), "rules",
                    "no rules given; add at least one rule with role, class and method", NO_RULES);
        }
        RuleReader reader = new RuleReader(problems);
        List<RuleSettings> rules = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            RuleSettings rule = reader.rule(items.get(i), YamlNode.itemPath("rules", i));
            if (rule != null) {
                rules.add(rule);
            }
        }
        return rules;
    }

    /** The rule, or {@code null} when it has a problem that drops it. */
    private RuleSettings rule(YamlNode node, String path) {
        if (!(node instanceof YamlNode.Mapping rule)) {
            problems.add(Severity.RULE, node.line(), path,
                    "expected a rule (a mapping with role, class and method), got " + node.display(), "rule disabled");
            return null;
        }
        List<Pending> pending = new ArrayList<>();
        MappingFields fields = new MappingFields(rule, path, new Complaint() {
            @Override
            public void at(int line, String field, String what) {
                pending.add(new Pending(line, field, what));
            }
        });
        fields.checkKeys(KEYS);
        String explicitName = fields.optional("name", Values.text("a rule name", MAX_NAME_LENGTH));
        Role role = fields.required("role", ROLE, ROLE_FORM);
        ClassSelector selector = selector(fields);
        String annotation = fields.optional("annotation", Values.typeName(Values.TYPE_FORM));
        String method = annotation != null && !fields.has("method")
                ? "*" : fields.required("method", Values.methodPattern(), Values.METHOD_FORM);
        List<String> parameters = fields.optional("parameters", Values.listOf(Values.parameterType(), "parameter type names"));
        CaptureSettings capture = role == null ? CaptureSettings.NONE
                : CaptureReader.read(rule.get("capture"), role, YamlNode.keyPath(path, "capture"), problems);
        SuccessSettings success = SuccessReader.read(rule, role, path, problems);
        String name = explicitName != null || selector == null || method == null
                ? explicitName : selector.displayName() + "." + method;
        if (fields.clean() && name != null && pathsByName.containsKey(name)) {
            fields.complain("name", "name '" + name + "' is already used by " + pathsByName.get(name)
                    + "; give each rule its own name");
        }
        String consequence = name == null ? "rule disabled" : "rule '" + name + "' disabled";
        for (Pending problem : pending) {
            problems.add(Severity.RULE, problem.line(), problem.field(), problem.what(), consequence);
        }
        if (!fields.clean()) {
            return null;
        }
        pathsByName.put(name, path);
        return new RuleSettings(name, role, selector, method, parameters, annotation, capture, success,
                origin(rule, path));
    }

    /** {@code class} or {@code implements}: exactly one of them. */
    private static ClassSelector selector(MappingFields fields) {
        if (fields.has("class") && fields.has("implements")) {
            fields.complain("implements", "class and implements are both given; keep one: " + SELECTOR_FORM);
            return null;
        }
        if (fields.has("implements")) {
            String type = fields.optional("implements", Values.typeName(Values.TYPE_FORM));
            return type == null ? null : new ClassSelector.SubtypeOf(type);
        }
        ClassSelector selector = fields.required("class", Values.classSelector(), SELECTOR_FORM);
        String offLimits = selector instanceof ClassSelector.Named named ? OffLimitsClasses.refusal(named.className())
                : selector instanceof ClassSelector.Glob glob && OffLimitsClasses.containsAllOf(glob.pattern())
                ? OffLimitsClasses.refusal(glob.pattern()) : null;
        if (offLimits != null) {
            fields.complain("class", offLimits);
            return null;
        }
        return selector;
    }

    private ConfigOrigin origin(YamlNode.Mapping rule, String path) {
        Map<String, Integer> lines = new LinkedHashMap<>();
        YamlNode.collectLines(rule, "", lines);
        return new ConfigOrigin(problems.file(), path, rule.line(), lines);
    }

    /** A problem held back until the rule's name, which its consequence cites, is known. */
    private record Pending(int line, String field, String what) {
    }
}
