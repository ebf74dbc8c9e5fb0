package vn.ntm.portal.training.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import vn.ntm.portal.training.AttendanceService;
import vn.ntm.portal.training.ClassCounts;
import vn.ntm.portal.training.ClassSummary;
import vn.ntm.portal.training.CompletionRule;

/** The five counts of a class, each with a line saying what it counts. */
class CountsPanel extends Div {

    private final AttendanceService attendance;
    private final ClassSummary trainingClass;
    private int share;

    CountsPanel(AttendanceService attendance, ClassSummary trainingClass) {
        this.attendance = attendance;
        this.trainingClass = trainingClass;
        this.share = trainingClass.completionShare();
        addClassName("stat-cards");
        refresh();
    }

    /** After the class's completion rule changed on this page. */
    void ruleChanged(CompletionRule rule) {
        share = rule.share();
        refresh();
    }

    void refresh() {
        removeAll();
        ClassCounts counts = attendance.counts(trainingClass.id());
        add(card("enrolments", counts.enrolments(), getTranslation("counts.enrolments.help")),
                card("sessionAttendances", counts.sessionAttendances(), getTranslation("counts.sessionAttendances.help")),
                card("participations", counts.participations(), getTranslation("counts.participations.help")),
                card("uniqueParticipants", counts.uniqueParticipants(), getTranslation("counts.uniqueParticipants.help")),
                card("completions", counts.completions(), getTranslation("counts.completions.help",
                        share, counts.sessions())));
    }

    private Div card(String key, long value, String help) {
        Span number = new Span(String.format(getLocale(), "%,d", value));
        number.addClassName("stat-value");
        number.setId("count-" + key);
        Span label = new Span(getTranslation("counts." + key));
        label.addClassName("fact-value");
        Span explanation = new Span(help);
        explanation.addClassName("stat-label");
        Div card = new Div(number, label, explanation);
        card.addClassName("stat-card");
        return card;
    }
}
