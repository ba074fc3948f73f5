package io.genscope.agent.it.breakdown;

import io.genscope.agent.it.cli.SummaryRun;
import io.genscope.agent.it.hostile.PrivacyMBeanText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With user ids pseudonymised (the default), no raw user id leaves the host's own objects: the
 * sample sends its requests as users whose ids carry a marker, and no marker appears in any MBean
 * attribute or operation result (the Breakdown MBeans, exported events and the Metrics MBeans
 * included), in the metrics endpoint's output, in the summary command's text and JSON, on stderr,
 * or in a live heap dump taken once the host has dropped its requests. The same run without the
 * agent shows the host itself keeps no id (so the dump can tell), and with
 * {@code store.user-ids: plain} the ids are found, in the Breakdown MBean and the heap, so the
 * search would see them.
 */
class BreakdownPrivacyIT {

    private static final Pattern ENDPOINT_LINE = Pattern.compile("\\[genscope] INFO metrics endpoint at (\\S+) ");
    private static final String METRICS = """
            metrics:
              port: 0
            """;

    @TempDir
    Path directory;

    @Test
    void pseudonymisedUserIdsLeaveNoRawIdAnywhere() throws Exception {
        String prefix = "uid" + Long.toHexString(ThreadLocalRandom.current().nextLong(1L << 40, Long.MAX_VALUE)) + "-";
        List<String> ids = List.of("ada@example.com", "grace@example.com", "linus@example.com", "ken@example.com")
                .stream().map(user -> prefix + user).toList();
        List<String> args = List.of("--requests", "40", "--user-prefix", prefix);
        try (BreakdownSample without = BreakdownSample.start(directory.resolve("without"), null, "", args);
             BreakdownSample with = BreakdownSample.start(directory.resolve("with"), List.of(), METRICS, args)) {
            assertThat(HeapSearch.liveHeapHolds(without.connection(), directory.resolve("without.hprof"), ids))
                    .as("ids the host itself keeps (the dump could not tell)").isEmpty();

            Map<String, Set<String>> found = new LinkedHashMap<>();
            found.put("MBean attributes and operation results", in(PrivacyMBeanText.everything(with.connection()), ids));
            found.put("metrics endpoint", in(scrape(with), ids));
            String pid = Long.toString(with.jvm().pid());
            found.put("summary command", in(SummaryRun.of(List.of(), pid).stdout()
                    + SummaryRun.of(List.of(), pid, "--json").stdout(), ids));
            found.put("stderr", in(String.join("\n", with.jvm().stderr()), ids));
            found.put("live heap", HeapSearch.liveHeapHolds(with.connection(), directory.resolve("with.hprof"), ids));
            assertThat(found).as("raw user ids found per place")
                    .allSatisfy((place, inPlace) -> assertThat(inPlace).as(place).isEmpty());
            assertThat(with.top("user", null)).as("one pseudonym per user").hasSize(ids.size())
                    .allSatisfy((pseudonym, row) -> assertThat(pseudonym).matches("[0-9a-f]{12}"));
        }
    }

    @Test
    void plainUserIdsAreKeptAsCapturedAndTheSearchFindsThem() throws Exception {
        String prefix = "uid" + Long.toHexString(ThreadLocalRandom.current().nextLong(1L << 40, Long.MAX_VALUE)) + "-";
        try (BreakdownSample plain = BreakdownSample.start(directory.resolve("plain"), List.of("  user-ids: plain"), "",
                List.of("--requests", "40", "--user-prefix", prefix))) {
            assertThat(plain.top("user", null)).containsKey(prefix + "ada@example.com");
            assertThat(HeapSearch.liveHeapHolds(plain.connection(), directory.resolve("plain.hprof"),
                    List.of(prefix + "ada@example.com"))).containsExactly(prefix + "ada@example.com");
        }
    }

    private static Set<String> in(String text, List<String> ids) {
        Set<String> found = new TreeSet<>();
        ids.stream().filter(text::contains).forEach(found::add);
        return found;
    }

    private static String scrape(BreakdownSample sample) throws Exception {
        await().atMost(Duration.ofMinutes(1)).until(() -> endpoint(sample) != null);
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(endpoint(sample))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.body()).contains("genscope_generations_total");
        return response.body();
    }

    private static String endpoint(BreakdownSample sample) {
        return sample.jvm().stderr().stream().map(ENDPOINT_LINE::matcher).filter(Matcher::find)
                .map(matcher -> matcher.group(1)).findFirst().orElse(null);
    }
}
