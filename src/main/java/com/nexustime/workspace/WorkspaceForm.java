package com.nexustime.workspace;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.URL;

/**
 * New workspace settings: the body of {@code PUT /workspace} and the settings page's form. The contract's
 * fields are required; the others keep their current value when left out. {@code version}, when given, must
 * be the version the client read.
 */
public class WorkspaceForm {

	@NotBlank
	@Size(max = 200)
	private String name;

	@NotNull
	@KnownCurrency
	private String currency;

	@NotNull
	@DecimalMin(value = "0.00", message = "must not be negative")
	@Digits(integer = 10, fraction = 2, message = "must have at most 10 digits and 2 decimals")
	private BigDecimal defaultRate;

	@NotNull
	private WeekStart weekStart;

	@NotNull
	@DecimalMin(value = "1", message = "must be between 1 and 100")
	@DecimalMax(value = "100", message = "must be between 1 and 100")
	@Digits(integer = 3, fraction = 2)
	private BigDecimal poAlertThresholdPercent;

	@NotNull
	@Size(max = 50)
	private List<@NotBlank @Email String> alertRecipients;

	@NotNull
	@Min(value = 1, message = "must be between 1 and 24")
	@Max(value = 24, message = "must be between 1 and 24")
	private Integer timerReminderHours;

	@KnownTimeZone
	private String timeZone;

	@Min(value = 1, message = "must be between 1 and 365")
	@Max(value = 365, message = "must be between 1 and 365")
	private Integer approvalLinkDays;

	@Pattern(regexp = "#[0-9a-fA-F]{6}", message = "must be a colour like #1f6feb")
	@ReadableBrandColor
	private String brandColor;

	@URL(regexp = "(https?:.*)?", message = "must be an http(s) address")
	@Size(max = 500)
	private String logoUrl;

	@Size(max = 100)
	private String senderName;

	/** Bill approved client approvals without the owner's "Convert to invoice" task. */
	private Boolean autoInvoice;

	/** Everyone's expected hours a week unless their own figure differs; left out keeps the current one. */
	@DecimalMin(value = "0.5", message = "must be between 0.5 and 168")
	@DecimalMax(value = "168", message = "must be between 0.5 and 168")
	@Digits(integer = 3, fraction = 1, message = "must be a number of hours with at most one decimal")
	private BigDecimal weeklyHours;

	private Integer version;

	static WorkspaceForm of(Workspace current) {
		WorkspaceForm form = new WorkspaceForm();
		form.name = current.name();
		form.currency = current.currency();
		form.defaultRate = current.defaultRate();
		form.weekStart = current.weekStart();
		form.poAlertThresholdPercent = current.poAlertThresholdPercent();
		form.alertRecipients = new ArrayList<>(current.alertRecipients());
		form.timerReminderHours = current.timerReminderHours();
		form.timeZone = current.timeZone();
		form.approvalLinkDays = current.approvalLinkDays();
		form.brandColor = current.brandColor();
		form.logoUrl = current.logoUrl();
		form.senderName = current.senderName();
		form.autoInvoice = current.autoInvoice();
		form.weeklyHours = current.weeklyHours();
		form.version = current.version();
		return form;
	}

	/** The recipients as the page's text area shows them, one per line; commas separate too. */
	@JsonIgnore
	public String getAlertRecipientsText() {
		return alertRecipients == null ? "" : String.join("\n", alertRecipients);
	}

	public void setAlertRecipientsText(String text) {
		this.alertRecipients = text == null ? new ArrayList<>()
				: new ArrayList<>(Arrays.stream(text.split("[,;\\s]+")).filter(s -> !s.isBlank()).toList());
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getCurrency() {
		return currency;
	}

	public void setCurrency(String currency) {
		this.currency = currency;
	}

	public BigDecimal getDefaultRate() {
		return defaultRate;
	}

	public void setDefaultRate(BigDecimal defaultRate) {
		this.defaultRate = defaultRate;
	}

	public WeekStart getWeekStart() {
		return weekStart;
	}

	public void setWeekStart(WeekStart weekStart) {
		this.weekStart = weekStart;
	}

	public BigDecimal getPoAlertThresholdPercent() {
		return poAlertThresholdPercent;
	}

	public void setPoAlertThresholdPercent(BigDecimal poAlertThresholdPercent) {
		this.poAlertThresholdPercent = poAlertThresholdPercent;
	}

	public List<String> getAlertRecipients() {
		return alertRecipients;
	}

	public void setAlertRecipients(List<String> alertRecipients) {
		this.alertRecipients = alertRecipients;
	}

	public Integer getTimerReminderHours() {
		return timerReminderHours;
	}

	public void setTimerReminderHours(Integer timerReminderHours) {
		this.timerReminderHours = timerReminderHours;
	}

	public String getTimeZone() {
		return timeZone;
	}

	public void setTimeZone(String timeZone) {
		this.timeZone = timeZone;
	}

	public Integer getApprovalLinkDays() {
		return approvalLinkDays;
	}

	public void setApprovalLinkDays(Integer approvalLinkDays) {
		this.approvalLinkDays = approvalLinkDays;
	}

	public String getBrandColor() {
		return brandColor;
	}

	public void setBrandColor(String brandColor) {
		this.brandColor = brandColor;
	}

	public String getLogoUrl() {
		return logoUrl;
	}

	public void setLogoUrl(String logoUrl) {
		this.logoUrl = logoUrl;
	}

	public String getSenderName() {
		return senderName;
	}

	public void setSenderName(String senderName) {
		this.senderName = senderName;
	}

	public BigDecimal getWeeklyHours() {
		return weeklyHours;
	}

	public void setWeeklyHours(BigDecimal weeklyHours) {
		this.weeklyHours = weeklyHours;
	}

	public Boolean getAutoInvoice() {
		return autoInvoice;
	}

	public void setAutoInvoice(Boolean autoInvoice) {
		this.autoInvoice = autoInvoice;
	}

	public Integer getVersion() {
		return version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}
}
