package com.nexustime.finance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Money as the Time tab prints it: thousands separated, two decimals ("5,400.00", "-120.50"). */
public final class MoneyText {

	static final MoneyText INSTANCE = new MoneyText();

	private MoneyText() {
	}

	public String of(BigDecimal amount) {
		if (amount == null) {
			return "—";
		}
		DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
		return format.format(amount.setScale(2, RoundingMode.HALF_UP));
	}
}
