package com.nexustime.bootstrap;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.nexustime.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class FirstStartTest extends IntegrationTest {

	@Autowired
	DemoWorkspace demo;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void theConfiguredAdministratorExistsWithTheAdminRole() {
		List<String> roles = jdbc.sql("""
				select r.role from app_user u join user_role r on r.app_user = u.id where u.email = ? order by r.role""")
			.param(ADMIN_EMAIL).query(String.class).list();
		assertThat(roles).contains("ADMIN");
		assertThat(admin().get("/api/v1/workspace").status()).isNotEqualTo(401);
	}

	@Test
	void theDemoWorkspaceHasSomethingOfEveryKind() {
		transactions.executeWithoutResult(tx -> {
			long admin = jdbc.sql("select id from app_user where email = ?").param(ADMIN_EMAIL).query(Long.class).single();
			demo.create(admin, "demo-password-1");

			assertThat(jdbc.sql("select distinct type from project where manager_id is not null and contact_id in "
					+ "(select id from contact where email like '%.example')").query(String.class).list())
				.containsExactlyInAnyOrder("STANDARD", "PER_PIECE", "ELECTRONIC");
			assertThat(jdbc.sql("select count(*) from project where billing_mode = 'INVOICE_BUDGET' and name like 'Initech%'")
				.query(Long.class).single()).isEqualTo(1);
			assertThat(jdbc.sql("select distinct category from activity where name in ('Design', 'Copywriting', "
					+ "'Project management', 'Artwork production', 'Printing', 'Retainer work')").query(String.class).list())
				.containsExactlyInAnyOrder("DESIGN_CREATIVE", "MANAGEMENT", "PER_PIECE", "FIXED_COST", "BUDGET");
			assertThat(jdbc.sql("select count(*) from purchase_order where number = 'PO-4711'").query(Long.class).single())
				.isEqualTo(1);
			assertThat(jdbc.sql("select count(*) from app_user where manager_id = "
					+ "(select id from app_user where email = 'maria.manager@northwind.example')").query(Long.class).single())
				.isEqualTo(2);
			assertThat(jdbc.sql("select count(*) from vendor where name = 'PrintWorks Ltd'").query(Long.class).single())
				.isEqualTo(1);
			tx.setRollbackOnly(); // leave the shared test database as it was
		});
	}
}
