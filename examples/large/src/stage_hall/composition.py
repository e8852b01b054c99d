"""The composition root: the one place where every service is built and wired.

``init_app`` stores a ``Services`` object in ``app.extensions``; views ask it
for what they need, and tests can replace it whole.
"""

from __future__ import annotations

import logging

from flask import Flask, current_app

from stage_hall import database
from stage_hall.accounts.repository import SqlAlchemyAccountRepository
from stage_hall.accounts.services import AccountService
from stage_hall.billing.repository import SqlAlchemyBillingRepository
from stage_hall.billing.services import BillingService
from stage_hall.cache import Cache
from stage_hall.chat.repository import SqlAlchemyChatRepository
from stage_hall.chat.services import ChatService
from stage_hall.http_client import HttpClient
from stage_hall.moderation.repository import SqlAlchemyModerationRepository
from stage_hall.moderation.services import ModerationService
from stage_hall.notifications.repository import SqlAlchemyNotificationRepository
from stage_hall.notifications.services import NotificationService
from stage_hall.playlists.repository import SqlAlchemyPlaylistRepository
from stage_hall.playlists.services import PlaylistService
from stage_hall.rooms.repository import SqlAlchemyRoomRepository
from stage_hall.rooms.services import RoomService
from stage_hall.search.repository import SqlAlchemySearchRepository
from stage_hall.search.services import SearchService

logger = logging.getLogger(__name__)

EXTENSION = "stage_hall.services"


class Services:
    """Builds the services of one app."""

    def __init__(self, app: Flask) -> None:
        self.app = app
        self.http = HttpClient()
        self.http.init_app(app)
        self.cache = Cache()
        self.cache.init_app(app)

    def accounts(self) -> AccountService:
        """The accounts use cases."""
        session = database.session()
        return AccountService(
            SqlAlchemyAccountRepository(session),
            commit=session.commit,
        )

    def rooms(self) -> RoomService:
        """The rooms use cases."""
        session = database.session()
        return RoomService(
            SqlAlchemyRoomRepository(session),
            commit=session.commit,
        )

    def playlists(self) -> PlaylistService:
        """The playlists use cases."""
        session = database.session()
        return PlaylistService(
            SqlAlchemyPlaylistRepository(session),
            commit=session.commit,
        )

    def chat(self) -> ChatService:
        """The chat use cases."""
        session = database.session()
        return ChatService(
            SqlAlchemyChatRepository(session),
            commit=session.commit,
        )

    def moderation(self) -> ModerationService:
        """The moderation use cases."""
        session = database.session()
        return ModerationService(
            SqlAlchemyModerationRepository(session),
            commit=session.commit,
        )

    def search(self) -> SearchService:
        """The search use cases."""
        session = database.session()
        return SearchService(
            SqlAlchemySearchRepository(session),
            commit=session.commit,
        )

    def notifications(self) -> NotificationService:
        """The notifications use cases."""
        session = database.session()
        return NotificationService(
            SqlAlchemyNotificationRepository(session),
            commit=session.commit,
        )

    def billing(self) -> BillingService:
        """The billing use cases."""
        session = database.session()
        return BillingService(
            SqlAlchemyBillingRepository(session),
            commit=session.commit,
        )


def init_app(app: Flask) -> None:
    """Create the app's resources and its ``Services``."""
    database.init_app(app)
    app.extensions[EXTENSION] = Services(app)


def services() -> Services:
    """The services of the current app."""
    found: Services = current_app.extensions[EXTENSION]
    return found
