package vn.ntm.portal.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import vn.ntm.portal.account.AccountService;
import vn.ntm.portal.account.Registration;
import vn.ntm.portal.account.TraineeLevel;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.shell.LanguageSelect;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitSummary;

/** Trainees register themselves: name, phone or e-mail, province and commune, level and a password. */
@Route(value = "register", autoLayout = false)
@PageTitle("register.title")
@AnonymousAllowed
class RegistrationView extends VerticalLayout {

    private final Paragraph error = new Paragraph();

    RegistrationView(AccountService accounts, UnitDirectory units) {
        addClassName("register-view");
        setAlignItems(Alignment.CENTER);

        TextField fullName = new TextField(getTranslation("register.fullName"));
        fullName.setId("fullName");
        fullName.setRequiredIndicatorVisible(true);
        TextField phone = new TextField(getTranslation("register.phone"));
        phone.setId("phone");
        phone.setHelperText(getTranslation("register.phoneOrEmail"));
        EmailField email = new EmailField(getTranslation("register.email"));
        email.setId("email");
        Select<UnitSummary> province = new Select<>();
        province.setLabel(getTranslation("register.province"));
        province.setId("province");
        province.setItems(units.currentProvinces());
        province.setItemLabelGenerator(UnitSummary::name);
        ComboBox<UnitSummary> commune = new ComboBox<>(getTranslation("register.commune"));
        commune.setId("commune");
        commune.setItemLabelGenerator(c -> getTranslation("unit.kind." + c.kind().name()) + " " + c.name());
        commune.setEnabled(false);
        province.addValueChangeListener(e -> {
            commune.clear();
            commune.setItems(e.getValue() == null ? java.util.List.of() : units.currentCommunesOf(e.getValue().id()));
            commune.setEnabled(e.getValue() != null);
        });
        Select<TraineeLevel> level = new Select<>();
        level.setLabel(getTranslation("register.level"));
        level.setId("level");
        level.setItems(TraineeLevel.values());
        level.setItemLabelGenerator(l -> getTranslation("traineeLevel." + l.name()));
        PasswordField password = new PasswordField(getTranslation("register.password"));
        password.setId("password");
        password.setHelperText(getTranslation("account.error.passwordPolicy", 8));
        PasswordField confirm = new PasswordField(getTranslation("register.confirm"));
        confirm.setId("confirm");

        error.addClassName("form-error");
        error.setId("register-error");
        Button submit = new Button(getTranslation("register.submit"), e -> {
            try {
                if (!password.getValue().equals(confirm.getValue())) {
                    throw new ValidationException("register.error.confirm");
                }
                // the same answer whether or not the phone or e-mail already had an account
                accounts.register(new Registration(fullName.getValue(), phone.getValue(), email.getValue(),
                        commune.getValue() == null ? null : commune.getValue().id(), level.getValue(), password.getValue()),
                        clientAddress());
                // the sign-in page is plain HTML outside the UI's router: a page load, not a navigation
                getUI().ifPresent(ui -> ui.getPage().setLocation("login?registered=1"));
            } catch (ValidationException invalid) {
                error.setText(getTranslation(invalid.messageKey(), invalid.arguments()));
            }
        });
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setId("register-submit");

        FormLayout form = new FormLayout(fullName, phone, email, province, commune, level, password, confirm);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32rem", 2));
        form.setMaxWidth("40rem");
        add(new LanguageSelect(), new H1(getTranslation("register.title")), new Paragraph(getTranslation("register.intro")),
                form, error, submit, signInLink());
    }

    private Anchor signInLink() {
        Anchor link = new Anchor("login", getTranslation("register.haveAccount"));
        link.setRouterIgnore(true);
        return link;
    }

    /** The client's address as Tomcat saw it (a forwarded one only from a trusted proxy). */
    private static String clientAddress() {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        return request == null ? "unknown" : request.getRemoteAddr();
    }
}
