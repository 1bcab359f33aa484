package dev.smtpkeys.account;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The account feature's texts: sign-in, sign-up, password change and the problems of their forms.
 * German in {@code messages/account_de.properties}; templates write {@code {account:login_title}}.
 */
@MessageBundle(value = "account", locale = "en")
public interface AccountMessages {

    @Message("Sign in")
    String login_title();

    @Message("Manage the SMTP keys of your account.")
    String login_lead();

    @Message("E-mail address")
    String login_email();

    @Message("Password")
    String login_password();

    @Message("Sign in")
    String login_submit();

    @Message("The e-mail address or the password is wrong.")
    String login_error();

    @Message("Too many failed sign-ins. For your protection, sign-in is paused for a while: please try again later.")
    String login_wait();

    @Message("Too many attempts. For your protection, this is paused for a while: please try again later.")
    String throttled_wait();

    @Message("No account yet?")
    String login_signup_lead();

    @Message("Sign up")
    String login_signup_link();

    @Message("Create your account")
    String signup_title();

    @Message("Your account comes with an SMTP login and a master password right away.")
    String signup_lead();

    @Message("Company name")
    String signup_company();

    @Message("Create account")
    String signup_submit();

    @Message("Already have an account?")
    String signup_have_account();

    @Message("Sign-up is closed. Please contact our support to open an account.")
    String signup_closed();

    @Message("Go to sign-in")
    String signup_to_login();

    @Message("Change password")
    String password_title();

    @Message("Choose a new password for signing in.")
    String password_lead();

    @Message("Your password was set by our support. Please choose your own password before you continue.")
    String password_forced();

    @Message("Current password")
    String password_current();

    @Message("New password")
    String password_new();

    @Message("Repeat the password")
    String password_repeat();

    @Message("At least 12 characters, and not your e-mail address.")
    String password_hint();

    @Message("Save password")
    String password_submit();

    @Message("Your password was changed.")
    String password_changed();

    @Message("Please enter the name of your company.")
    String problem_company_required();

    @Message("The name may be at most {max} characters long.")
    String problem_company_too_long(int max);

    @Message("The name may not contain control characters such as line breaks.")
    String problem_company_invalid();

    @Message("Please enter a valid e-mail address, such as name@example.com.")
    String problem_email_invalid();

    @Message("An account cannot be created with this e-mail address. If you already have one, please sign in.")
    String problem_email_taken();

    @Message("The password must be at least {min} characters long.")
    String problem_password_too_short(int min);

    @Message("The password may be at most {max} bytes long (letters with accents and emoji count as several).")
    String problem_password_too_long(int max);

    @Message("The password may not be your e-mail address.")
    String problem_password_is_email();

    @Message("The two passwords do not match.")
    String problem_password_mismatch();

    @Message("The current password is wrong.")
    String problem_current_wrong();

    @Message("The new password must differ from the current one.")
    String problem_password_unchanged();

    @Message("Choose your password")
    String welcome_title();

    @Message("Welcome! Our support team opened an account for you. Choose the password you will sign in with; then you are signed in.")
    String welcome_lead();

    @Message("Save password and sign in")
    String welcome_submit();

    @Message("This link no longer works")
    String welcome_invalid_title();

    @Message("The link to choose your password has expired, was already used, or was replaced by a newer invitation. Please ask our support to send you a new invitation.")
    String welcome_invalid_text();

    @Message("Choose the password for your new account")
    String invitation_subject();

    @Message("Welcome")
    String invitation_heading();

    @Message("Our support team opened the account \"{company}\" for you. To sign in, first choose your password:")
    String invitation_intro(String company);

    @Message("Choose your password")
    String invitation_link();

    @Message("The link works once, until {until}. If it has expired, ask our support for a new invitation.")
    String invitation_valid(String until);

    @Message("Nobody else knows a password for this account, our support team included. If you did not expect this e-mail, you can ignore it.")
    String invitation_footer();
}
