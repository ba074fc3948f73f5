package com.example.codegen.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.codegen.app.Workload.Job;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkloadTest {

    private static final List<String> MODELS = List.of("codex-mini", "codex-pro");

    @Test
    void isTheSameForTheSameSeed() {
        assertThat(Workload.create(30, 42, MODELS, "")).isEqualTo(Workload.create(30, 42, MODELS, ""));
        assertThat(Workload.create(30, 42, MODELS, "")).isNotEqualTo(Workload.create(30, 43, MODELS, ""));
    }

    @Test
    void spreadsOverProjectsAndModelsWithPromptsThatNameTheirClass() {
        List<Job> jobs = Workload.create(60, 42, MODELS, "");

        assertThat(jobs).hasSize(60);
        assertThat(jobs).extracting(Job::model).containsOnly("codex-mini", "codex-pro").contains("codex-mini", "codex-pro");
        assertThat(jobs).extracting(job -> job.request().projectId()).contains("billing", "search", "onboarding");
        assertThat(jobs).allSatisfy(job ->
                assertThat(job.request().prompt()).contains("class " + job.request().className() + ":"));
        assertThat(jobs).extracting(job -> job.request().prompt()).doesNotHaveDuplicates();
    }
}
