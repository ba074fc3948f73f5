package io.genscope.agent.it.fleet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Looks into a forked JVM from outside: its threads (through {@code jcmd}) and its listening sockets (through /proc). */
final class JvmProbe {

    /** A thread dump's header line: {@code "name" #12 daemon prio=5 ...}. */
    private static final Pattern THREAD = Pattern.compile("^\"(.*)\" #\\d+ (daemon )?");
    /** TCP state LISTEN in /proc/net/tcp. */
    private static final String LISTEN = "0A";

    private JvmProbe() {
    }

    /** A thread of the dump: its name and whether it is a daemon. */
    record ThreadName(String name, boolean daemon) {
    }

    /** The JVM's threads, from the build JDK's own {@code jcmd Thread.print}. */
    static List<ThreadName> threads(long pid) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "Thread.print")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as("jcmd exit code; output:\n" + output).isZero();
        List<ThreadName> threads = new ArrayList<>();
        for (String line : output.split("\n")) {
            Matcher thread = THREAD.matcher(line);
            if (thread.find()) {
                threads.add(new ThreadName(thread.group(1), thread.group(2) != null));
            }
        }
        return threads;
    }

    /** How many TCP sockets the process holds in state LISTEN (Linux: its socket inodes against /proc/net/tcp and tcp6). */
    static long listeningSockets(long pid) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (DirectoryStream<Path> descriptors = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path descriptor : descriptors) {
                try {
                    String target = Files.readSymbolicLink(descriptor).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // the descriptor went away while the folder was read
                }
            }
        }
        long listening = 0;
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines = Files.readAllLines(Path.of(table));
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.trim().split("\\s+");
                if (fields[3].equals(LISTEN) && inodes.contains(fields[9])) {
                    listening++;
                }
            }
        }
        return listening;
    }
}
