package com.nexustime.notify;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.nexustime.system.web.NotFoundException;

/** In-app notifications: written in the caller's transaction, read and marked read by their recipient only. */
@Service
public class Notifications {

	/** The bell's view: how many are unread and the newest few. */
	public record Inbox(long unread, List<Notification> notifications) {
	}

	private final JdbcClient jdbc;

	Notifications(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional
	public Notification notify(long userId, String kind, String message, String link) {
		return jdbc.sql("""
				insert into notification (user_id, kind, message, link) values (?, ?, ?, ?)
				returning id, user_id, kind, message, link, created_at, read_at""")
			.params(userId, kind, message, link).query(Notification.class).single();
	}

	@Transactional(readOnly = true)
	public Inbox inbox(long userId, int limit) {
		long unread = jdbc.sql("select count(*) from notification where user_id = ? and read_at is null")
			.param(userId).query(Long.class).single();
		List<Notification> newest = jdbc.sql("""
				select id, user_id, kind, message, link, created_at, read_at from notification
				where user_id = ? order by created_at desc, id desc limit ?""")
			.params(userId, limit).query(Notification.class).list();
		return new Inbox(unread, newest);
	}

	/** Marks one of the user's notifications read (again is harmless); 404 for anyone else's. */
	@Transactional
	public Notification markRead(long userId, long id) {
		return jdbc.sql("""
				update notification set read_at = coalesce(read_at, now()) where id = ? and user_id = ?
				returning id, user_id, kind, message, link, created_at, read_at""")
			.params(id, userId).query(Notification.class).optional()
			.orElseThrow(() -> new NotFoundException("Notification", id));
	}
}
