"""The workflow in every content admin: drafts of live objects, submit, review, publish."""

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.forms import DateTimeField
from django.http import Http404, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.translation import gettext as _

from . import drafts
from .differences import difference
from .draft_merging import DraftConflict
from .models import Draft, WorkflowEvent
from .notifications import notify


def _cannot_publish(problems):
    """One message: why the draft cannot be published as it is, and what to do."""
    return " ".join(
        [
            _("These changes cannot be published as they are:"),
            *problems,
            _("Correct the draft, or discard it, then try again."),
        ]
    )


def _go_live(request):
    """The go-live time typed with a submission, or None; ValidationError when unreadable."""
    typed = (request.POST.get("workflow_go_live_at") or "").strip()
    return DateTimeField(required=False).clean(typed) if typed else None


class ReviewMixin:
    """Saving a change to a live object stores a draft; the form shows the draft and the
    workflow's buttons; `workflow_view` takes the approve, send-back and discard POSTs."""

    def get_urls(self):
        opts = self.model._meta
        name = f"{opts.app_label}_{opts.model_name}_workflow"
        return [
            path(
                "<path:object_id>/workflow/",
                self.admin_site.admin_view(self.workflow_view),
                name=name,
            ),
            *super().get_urls(),
        ]

    def _live_object(self, object_id):
        try:
            return self.model._base_manager.filter(pk=unquote(object_id)).first()
        except (ValueError, ValidationError):
            return None

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self._live_object(object_id)
        draft = drafts.draft_of(obj)
        if not drafts.is_live(obj) and draft is None:
            return self._unpublished_change_view(request, obj, object_id, form_url, extra_context)
        if request.method == "POST":
            try:
                go_live_at = _go_live(request) if "_submit" in request.POST else None
            except ValidationError:
                message = _("Enter a valid go-live date and time.")
                self.message_user(request, message, messages.ERROR)
                return HttpResponseRedirect(request.get_full_path())
            if "_publish" in request.POST and not drafts.can_publish_directly(request.user, obj):
                raise PermissionDenied
        extra_context = {**(extra_context or {}), **self.workflow_context(request, obj, draft)}
        return self._drafted(
            request,
            obj,
            draft,
            lambda: super(ReviewMixin, self).change_view(
                request, object_id, form_url, extra_context
            ),
            after=lambda new: self._after_save(request, obj, new, go_live_at),
        )

    def _unpublished_change_view(self, request, obj, object_id, form_url, extra_context):
        """The form of content visitors do not see, saved as usual; "Save and submit for
        review" (offered to those who may not publish it directly) also stores a draft of it
        published, sent to the reviewers, who publish it by approving."""
        user = request.user
        offered = obj is not None and drafts.can_submit_unpublished(user, obj)
        if offered and not drafts.can_publish_directly(user, obj):
            extra_context = {**(extra_context or {}), **self.workflow_context(request, obj, None)}
        if request.method != "POST" or "_submit" not in request.POST or obj is None:
            return super().change_view(request, object_id, form_url, extra_context)
        if not offered:
            raise PermissionDenied
        try:
            go_live_at = _go_live(request)
        except ValidationError:
            self.message_user(request, _("Enter a valid go-live date and time."), messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())
        request.submitting_unpublished = True
        with transaction.atomic():
            response = super().change_view(request, object_id, form_url, extra_context)
            payload = getattr(request, "draft_payload", None)
            if payload is not None:  # saved: the form was valid
                draft = drafts.store(obj, payload, user)
                self._after_save(request, obj, draft, go_live_at)
        return response

    def revision_view(self, request, object_id, version_id, extra_context=None):
        # Restoring an old version of live content makes a draft of it.
        obj = self._live_object(object_id)
        if not drafts.is_live(obj) and drafts.draft_of(obj) is None:
            return super().revision_view(request, object_id, version_id, extra_context)
        if "_publish" in request.POST and not drafts.can_publish_directly(request.user, obj):
            raise PermissionDenied
        draft = drafts.draft_of(obj)
        extra_context = {**(extra_context or {}), **self.workflow_context(request, obj, draft)}
        return self._drafted(
            request,
            obj,
            None,
            lambda: super(ReviewMixin, self).revision_view(
                request, object_id, version_id, extra_context
            ),
            after=lambda new: self._after_save(
                request,
                obj,
                new,
                None,
                _("The old version is now a draft: the live version is unchanged."),
            ),
            action=WorkflowEvent.RESTORED,
        )

    def _drafted(self, request, obj, draft, view, after, action=WorkflowEvent.SAVED):
        request.drafting = True
        with transaction.atomic():
            if request.method == "POST":
                # Two saves of one draft: the second waits for the first to store its draft,
                # then reads it, so that the edit-conflict check sees the first one's stamp.
                # (A lock taken inside the savepoint below would go with its rollback.)
                type(obj)._base_manager.select_for_update().filter(pk=obj.pk).exists()
                draft = drafts.draft_of(obj) if action == WorkflowEvent.SAVED else None
            with drafts.shown(draft, obj) as problems:
                if problems and request.method != "POST":
                    self.message_user(request, _cannot_publish(problems), messages.WARNING)
                response = view()
                if hasattr(response, "render"):
                    response.render()
                payload = getattr(request, "draft_payload", None)
            if payload is not None:
                new = drafts.store(obj, payload, request.user, action)
                after(new)
        return response

    def _after_save(self, request, obj, draft, go_live_at, saved_message=None):
        # The admin's own "changed successfully" is replaced: nothing changed for visitors.
        list(messages.get_messages(request))
        if "_publish" in request.POST:
            try:
                drafts.publish(draft, obj, request.user)
            except DraftConflict as conflict:
                message = _("The changes are saved as a draft, but not published.")
                self.message_user(
                    request, f"{message} {_cannot_publish(conflict.problems)}", messages.ERROR
                )
                return
            self.message_user(request, _("The changes are published."))
        elif "_submit" in request.POST:
            message = request.POST.get("workflow_message", "")
            drafts.submit(draft, obj, request.user, message, go_live_at)
            notify("submitted", draft, obj, request.user)
            self.message_user(request, _("The changes are submitted for review."))
        else:
            self.message_user(
                request,
                saved_message
                or _(
                    "The changes are saved as a draft: visitors still see the live version "
                    "until they are published."
                ),
            )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if getattr(request, "drafting", False):
            request.draft_payload = drafts.serialize(form.instance)
        elif getattr(request, "submitting_unpublished", False):
            request.draft_payload = drafts.serialize_published(form.instance)

    def workflow_context(self, request, obj, draft):
        user = request.user
        return {
            "workflow": {
                "live": drafts.is_live(obj),
                "draft": draft,
                "state_label": Draft.STATES[draft.state] if draft else None,
                "difference": difference(draft, obj) if draft else None,
                "can_write": drafts.can_write(user, obj),
                "can_publish": drafts.can_publish_directly(user, obj),
                "can_review": drafts.can_review(user, obj, draft)
                and draft.state == Draft.SUBMITTED,
                "action_url": reverse(
                    f"{self.admin_site.name}:{obj._meta.app_label}_{obj._meta.model_name}_workflow",
                    args=[obj.pk],
                ),
            }
        }

    def workflow_view(self, request, object_id):
        """POST only: approve, send back or discard the object's draft."""
        if request.method != "POST":
            raise PermissionDenied
        obj = self._live_object(object_id)
        if obj is None or not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        draft = drafts.draft_of(obj)
        if draft is None:
            raise Http404
        action = request.POST.get("action")
        user = request.user
        if action == "approve":
            if draft.state != Draft.SUBMITTED:
                raise PermissionDenied
            try:
                drafts.approve(draft, obj, user)
            except DraftConflict:
                # The form it leads back to says why (each problem, and what to do).
                self.message_user(request, _("The changes are not approved."), messages.ERROR)
            else:
                notify("approved", draft, obj, user)
                self.message_user(request, _("The changes are approved."))
        elif action == "send_back":
            comment = request.POST.get("workflow_comment", "").strip()
            if not comment:
                self.message_user(
                    request, _("Say what to change before sending it back."), messages.ERROR
                )
            else:
                drafts.send_back(draft, obj, user, comment)
                notify("sent_back", draft, obj, user)
                self.message_user(request, _("The changes are sent back to their author."))
        elif action == "discard":
            drafts.discard(draft, obj, user)
            self.message_user(request, _("The changes are discarded: the live version stays."))
        else:
            raise PermissionDenied
        opts = obj._meta
        return HttpResponseRedirect(
            reverse(
                f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_change",
                args=[obj.pk],
            )
        )

    def history_view(self, request, object_id, extra_context=None):
        obj = self._live_object(object_id)
        steps = []
        if obj is not None:
            from django.contrib.contenttypes.models import ContentType

            steps = WorkflowEvent.objects.filter(
                content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
            ).select_related("user")
        extra_context = {**(extra_context or {}), "workflow_steps": steps}
        return super().history_view(request, object_id, extra_context)
