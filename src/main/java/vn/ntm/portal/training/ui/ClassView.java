package vn.ntm.portal.training.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import vn.ntm.portal.account.AccountService;
import vn.ntm.portal.account.AccountSummary;
import vn.ntm.portal.shell.PortalIcon;
import vn.ntm.portal.training.AttendanceService;
import vn.ntm.portal.training.ClassService;
import vn.ntm.portal.training.CompletionRules;
import vn.ntm.portal.training.ClassSummary;
import vn.ntm.portal.training.EnrolmentRequestService;
import vn.ntm.portal.training.RosterImportService;
import vn.ntm.portal.training.RosterService;
import vn.ntm.portal.training.RosterSpreadsheets;
import vn.ntm.portal.training.SessionService;
import vn.ntm.portal.unit.OrganisationService;
import vn.ntm.portal.unit.UnitDirectory;

import java.util.stream.Collectors;

/** One class: its facts and counts, sessions, roster and the attendance grid. */
@Route("classes")
@PageTitle("nav.classes")
@RolesAllowed({"ADMIN", "COORDINATOR", "TRAINER"})
class ClassView extends VerticalLayout implements HasUrlParameter<Long> {

    private final ClassService classes;
    private final SessionService sessions;
    private final RosterService roster;
    private final AttendanceService attendance;
    private final UnitDirectory units;
    private final boolean manages;
    private final RosterImportService rosterImport;
    private final RosterSpreadsheets sheets;
    private final EnrolmentRequestService requests;
    private final OrganisationService organisations;
    private final AccountService accounts;
    private final CompletionRules completionRules;
    private final vn.ntm.portal.cluster.GaleraRetry retry;

    ClassView(ClassService classes, SessionService sessions, RosterService roster, AttendanceService attendance, UnitDirectory units,
              AuthenticationContext authentication, RosterImportService rosterImport, RosterSpreadsheets sheets,
              EnrolmentRequestService requests, OrganisationService organisations, AccountService accounts,
              CompletionRules completionRules, vn.ntm.portal.cluster.GaleraRetry retry) {
        this.completionRules = completionRules;
        this.retry = retry;
        this.organisations = organisations;
        this.accounts = accounts;
        this.requests = requests;
        this.rosterImport = rosterImport;
        this.sheets = sheets;
        this.classes = classes;
        this.sessions = sessions;
        this.roster = roster;
        this.attendance = attendance;
        this.units = units;
        this.manages = authentication.hasAnyRole("ADMIN", "COORDINATOR");
        setSizeFull();
        addClassName("class-view");
    }

    @Override
    public void setParameter(BeforeEvent event, Long classId) {
        show(classId);
    }

    private void show(long classId) {
        removeAll();
        ClassSummary c = classes.get(classId);
        H2 title = new H2(c.title());
        title.setId("class-heading");
        Span meta = new Span(c.code() + " · " + c.unitName() + " · " + getTranslation("training.dates",
                ClassesView.DATE.format(c.startDate()), ClassesView.DATE.format(c.endDate())) + " · "
                + getTranslation("training.mode." + c.mode().name()));
        meta.addClassName("stat-label");
        String trainerNames = classes.trainersOf(classId).stream().map(AccountSummary::fullName).collect(Collectors.joining(", "));
        Span trainers = new Span(getTranslation("training.trainersOfClass", trainerNames.isEmpty() ? "—" : trainerNames));
        trainers.setId("class-trainers");
        trainers.addClassName("stat-label");
        CountsPanel counts = new CountsPanel(attendance, c);
        TabSheet tabs = new TabSheet();
        // trainers of the class and those who manage it may change the rule; the service checks which
        Button rule = new Button(getTranslation("completionRule.open"), PortalIcon.CHECK_CIRCLE_O.create(),
                e -> new CompletionRuleDialog(completionRules, classId, counts::ruleChanged).open());
        rule.setId("completion-rule");
        tabs.add(getTranslation("training.tab.overview"), new Div(counts, rule));
        tabs.add(getTranslation("training.tab.sessions"), new SessionsPanel(sessions, c, manages));
        tabs.add(getTranslation("training.tab.roster"), new RosterPanel(roster, rosterImport, sheets, units, c, manages));
        AttendancePanel marks = new AttendancePanel(attendance, retry, c, counts::refresh);
        var marksTab = tabs.add(getTranslation("training.tab.attendance"), marks);
        tabs.add(getTranslation("training.tab.requests"), new RequestsPanel(requests, c, counts::refresh));
        tabs.addSelectedChangeListener(e -> {
            counts.refresh();
            // sessions and roster may have changed on the other tabs since the grid was built
            if (e.getSelectedTab() == marksTab) {
                marks.reload();
            }
        });
        tabs.setSizeFull();
        HorizontalLayout heading = new HorizontalLayout(title);
        heading.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        if (manages) {
            // the service still checks that this editor manages the class's unit
            Button edit = new Button(getTranslation("training.edit"), PortalIcon.EDIT.create(),
                    e -> new ClassDialog(classes, units, organisations, accounts, classes.get(classId), saved -> show(saved.id())).open());
            edit.setId("edit-class");
            heading.add(edit);
        }
        // the certificates of the class live in the certificate module; linked by address, so training does not depend on it
        Button certificates = new Button(getTranslation("certificate.openFromClass"), PortalIcon.DIPLOMA.create(),
                e -> getUI().ifPresent(ui -> ui.navigate("class-certificates/" + classId)));
        certificates.setId("class-certificates");
        heading.add(certificates);
        heading.setWrap(true);
        add(heading, meta, trainers, tabs);
    }
}
