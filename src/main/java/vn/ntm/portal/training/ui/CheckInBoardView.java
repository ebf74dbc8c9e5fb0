package vn.ntm.portal.training.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import vn.ntm.portal.training.CheckInBoard;
import vn.ntm.portal.training.CheckInService;
import vn.ntm.portal.training.SessionInfo;
import vn.ntm.portal.training.WalkInRequest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * What the trainer projects or shares in an online meeting: the QR code and the six-digit code, which change
 * every 30 seconds, and a live count of who has checked in, pushed from the server.
 */
@Route("sessions/check-in")
@PageTitle("checkin.title")
@RolesAllowed({"ADMIN", "COORDINATOR", "TRAINER"})
class CheckInBoardView extends VerticalLayout implements HasUrlParameter<Long> {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
    private static final ScheduledExecutorService TICKER = Executors.newScheduledThreadPool(1, r -> {
        Thread t = new Thread(r, "check-in-board");
        t.setDaemon(true);
        return t;
    });

    private final CheckInService checkIns;
    private final String publicUrl;
    private final Image qr = new Image();
    private final Span code = new Span();
    private final Span secondsLeft = new Span();
    private final Span counter = new Span();
    private final Span walkIns = new Span();
    private final Span warning = new Span();
    private final Span state = new Span();
    private final H2 title = new H2();
    private final Span sessionLine = new Span();
    private final Span codeLabel = new Span();
    private final Div walkInList = new Div();
    private long shownWalkIns = -1;
    private long sessionId;
    private String shownCode = "";
    private String base = "";
    private ScheduledFuture<?> ticking;

    CheckInBoardView(CheckInService checkIns, @Value("${portal.public-url:}") String publicUrl) {
        this.checkIns = checkIns;
        this.publicUrl = publicUrl;
        setAlignItems(Alignment.CENTER);
        addClassName("check-in-board");
        code.addClassName("check-in-code");
        code.setId("check-in-code");
        counter.setId("check-in-counter");
        counter.addClassName("fact-value");
        secondsLeft.addClassName("stat-label");
        qr.setWidth("min(22rem, 80vw)");
        qr.setAlt(getTranslation("checkin.board.code"));
        walkInList.setId("walk-ins");
        warning.setId("check-in-warning");
        warning.getStyle().set("color", "var(--lumo-error-text-color)").set("font-weight", "600");
        sessionLine.setId("check-in-session");
        sessionLine.addClassName("fact-value");
        state.setId("check-in-state");
        state.addClassName("check-in-state");
        codeLabel.setText(getTranslation("checkin.board.code"));
        secondsLeft.addClassName("check-in-address");
        add(title, sessionLine, state, qr, codeLabel, code, secondsLeft, counter, warning, walkIns, walkInList);
    }

    @Override
    public void setParameter(BeforeEvent event, Long sessionId) {
        this.sessionId = sessionId;
        this.base = baseUrl();
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        ticking = TICKER.scheduleAtFixedRate(() -> ui.access(this::refresh), 2, 2, TimeUnit.SECONDS);
        // a slow poll as well, so that the board keeps up while the push connection reconnects
        ui.setPollInterval(5000);
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (ticking != null) {
            ticking.cancel(false);
        }
        event.getUI().setPollInterval(-1);
    }

    private void refresh() {
        CheckInBoard board = checkIns.board(sessionId);
        SessionInfo session = board.session();
        title.setText(session.classTitle());
        // which session this is, so that a board left open or shared is not used for another one
        sessionLine.setText(getTranslation("checkin.board.session", getTranslation("session.part." + session.part().name()),
                ClassesView.DATE.format(session.date()), session.startsAt().toString(), session.endsAt().toString()));
        // outside the window no code is shown (nor sent): only when check-in opens and closes
        state.setText(board.open() ? "" : getTranslation("checkin.board.closed") + " " + getTranslation("checkin.board.window",
                WHEN.format(board.opensAt()), WHEN.format(board.closesAt())));
        state.setVisible(!board.open());
        for (var live : List.of(qr, codeLabel, code, secondsLeft)) {
            live.setVisible(board.open());
        }
        if (!board.open()) {
            shownCode = "";
        } else if (!board.code().equals(shownCode)) {
            shownCode = board.code();
            code.setText(board.code().substring(0, 3) + " " + board.code().substring(3));
            // the session's unguessable reference, never its id: the address says nothing to someone who did not get it
            qr.setSrc(QrCode.svgDataUrl(base + "/checkin?s=" + session.reference() + "&c=" + board.code()));
        }
        secondsLeft.setText(getTranslation("checkin.board.secondsLeft", board.secondsLeft()) + " · "
                + getTranslation("checkin.board.scan", base + "/checkin?s=" + session.reference()));
        String warnings = (board.busiestDevice() > 0 ? getTranslation("checkin.board.oneDevice", board.busiestDevice()) : "")
                + (board.refusedAttempts() > 0 ? " " + getTranslation("checkin.board.refused", board.refusedAttempts()) : "");
        warning.setText(warnings.strip());
        counter.setText(getTranslation("checkin.board.counter", board.checkedIn(), board.enrolled()));
        walkIns.setText(board.pendingWalkIns() == 0 ? "" : getTranslation("checkin.board.walkIns", board.pendingWalkIns()));
        if (board.pendingWalkIns() != shownWalkIns) {
            shownWalkIns = board.pendingWalkIns();
            showWalkIns();
        }
    }

    /**
     * Pending walk-ins, each saying who accepting would add: a new person, the recorded person of that name, or,
     * when the number belongs to someone recorded under another name, both choices side by side.
     */
    private void showWalkIns() {
        walkInList.removeAll();
        for (WalkInRequest walkIn : checkIns.walkIns(sessionId)) {
            Span who = new Span(walkIn.typedName() + " · " + walkIn.identifier());
            Span what = new Span(switch (walkIn.match()) {
                case NEW_PERSON -> getTranslation("checkin.walkIn.newPerson");
                case SAME_PERSON -> getTranslation("checkin.walkIn.samePerson");
                case NAME_DIFFERS -> getTranslation("checkin.walkIn.nameDiffers", walkIn.matchedInitials());
            });
            what.addClassName(walkIn.match() == WalkInRequest.Match.NAME_DIFFERS ? "walk-in-mismatch" : "walk-in-match");
            if (walkIn.match() == WalkInRequest.Match.NAME_DIFFERS) {
                what.getStyle().set("color", "var(--lumo-error-text-color)");
            }
            HorizontalLayout row = new HorizontalLayout(new Div(who, new Div(what)));
            row.addClassName("walk-in");
            row.setWrap(true);
            row.setAlignItems(Alignment.CENTER);
            if (walkIn.match() == WalkInRequest.Match.NAME_DIFFERS) {
                row.add(button(getTranslation("checkin.walkIn.addMatched", walkIn.matchedInitials()), walkIn, WalkInRequest.Decision.ADD_MATCHED),
                        button(getTranslation("checkin.walkIn.addNew", walkIn.typedName()), walkIn, WalkInRequest.Decision.ADD_AS_NEW));
            } else {
                row.add(button(getTranslation("checkin.walkIn.accept"), walkIn, walkIn.match() == WalkInRequest.Match.SAME_PERSON
                        ? WalkInRequest.Decision.ADD_MATCHED : WalkInRequest.Decision.ADD_AS_NEW));
            }
            Button decline = button(getTranslation("checkin.walkIn.decline"), walkIn, WalkInRequest.Decision.DECLINE);
            decline.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            row.add(decline);
            walkInList.add(row);
        }
    }

    private Button button(String text, WalkInRequest walkIn, WalkInRequest.Decision decision) {
        Button button = new Button(text, e -> settle(walkIn.id(), decision));
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        if (decision != WalkInRequest.Decision.DECLINE) {
            button.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
        }
        return button;
    }

    private void settle(long walkInId, WalkInRequest.Decision decision) {
        try {
            checkIns.settleWalkIn(walkInId, decision);
        } catch (vn.ntm.portal.common.ValidationException invalid) {
            vn.ntm.portal.shell.Notifications.error(invalid);
        }
        shownWalkIns = -1;
        refresh();
    }

    private String baseUrl() {
        if (!publicUrl.isBlank()) {
            return publicUrl.replaceAll("/$", "");
        }
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        if (request == null) {
            return "";
        }
        HttpServletRequest http = request.getHttpServletRequest();
        return http.getScheme() + "://" + http.getServerName() + ":" + http.getServerPort();
    }
}
