package io.genscope.runtime.store;

/**
 * A generation rule and a model as one slice counts them: the model under the name the slice
 * admitted it as (itself or "(other)", see {@link TimeSlice#admitPair}).
 */
record RuleModel(int rule, String model) {
}
