package io.genscope.agent.it.alerts;

import fixture.alerts.FlakyGenerator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * A service whose generation failure rate a test drives from outside: each line on standard input,
 * {@code fail <n>} or {@code succeed <n>}, makes that many generations of {@link FlakyGenerator}
 * fail or succeed, then prints {@code DONE <k> <line>} (k counts the commands). Prints
 * {@code ALERTS_HOST_READY} first; exits when standard input closes.
 */
public final class AlertsHost {

    private AlertsHost() {
    }

    public static void main(String[] args) throws IOException {
        FlakyGenerator generator = new FlakyGenerator();
        System.out.println("ALERTS_HOST_READY");
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        int done = 0;
        for (String line = commands.readLine(); line != null; line = commands.readLine()) {
            String[] words = line.split(" ");
            boolean fail = words[0].equals("fail");
            int failed = 0;
            for (int i = 0; i < Integer.parseInt(words[1]); i++) {
                try {
                    generator.generate("write an order service", fail);
                } catch (IllegalStateException overloaded) {
                    failed++;
                }
            }
            System.out.println("DONE " + ++done + " " + line + " (" + failed + " failed)");
        }
    }
}
