package io.genscope.runtime.jmx;

import io.genscope.runtime.alerts.AlertStatus;

import java.util.List;
import java.util.Map;

/**
 * {@code io.genscope:type=Alerts}: the alerts configured under {@code alerts:}, each one's state,
 * and a notification each time one fires or recovers. Registered only when an alert is configured.
 * Everything here is an attribute, so a JMX {@code readonly} user sees it all and may listen.
 */
@Description("Genscope alerts evaluated in this JVM: each alert's state; a notification when one fires or recovers")
public interface AlertsMXBean {

    @Description("Alert name -> its state (NOT_ENOUGH_DATA, OK, FIRING), since when, and the value, samples,"
            + " thresholds and window of its latest evaluation")
    Map<String, AlertStatus> getAlerts();

    @Description("The names of the alerts firing now")
    List<String> getFiring();

    @Description("How often the alerts are evaluated, in seconds (alerts.evaluation-period)")
    double getEvaluationPeriodSeconds();

    @Description("Evaluations of every alert since start: it grows by one each evaluation period")
    long getEvaluations();
}
