package com.example.codegen;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/** A model that gives prepared answers in order, a {@link RuntimeException} among them being thrown, and records each call. */
final class ScriptedModel implements CodeModel {

    record Call(String prompt, int attempt) {
    }

    private final Deque<Object> answers;
    private final List<Call> calls = new ArrayList<>();

    ScriptedModel(Object... answers) {
        this.answers = new ArrayDeque<>(Arrays.asList(answers));
    }

    @Override
    public String name() {
        return "scripted";
    }

    @Override
    public String complete(String prompt, int attempt) {
        calls.add(new Call(prompt, attempt));
        Object answer = answers.remove();
        if (answer instanceof RuntimeException failure) {
            throw failure;
        }
        return (String) answer;
    }

    List<Call> calls() {
        return calls;
    }
}
