//! Server functions for the group pages. The access guard has checked the address; each
//! function takes the person's group scope again, so none can reach another group.

use leptos::prelude::*;

use crate::groups::model::*;
use crate::shared::PageError;

#[cfg(feature = "ssr")]
use crate::shared::ssr::support;

#[server(endpoint = "group/home")]
pub async fn load_home() -> Result<GroupHomeView, PageError> {
    let (who, scope) = support::group_scope()?;
    let st = support::state()?;
    let notice = crate::shared::ssr::flash::take(&st, crate::groups::paths::GROUP);
    crate::groups::ssr::views::home(&st, &who, &scope, notice)
        .await
        .map_err(support::map_err)
}

#[server(endpoint = "group/event")]
pub async fn load_event(id: i32) -> Result<EventView, PageError> {
    let (who, scope) = support::group_scope()?;
    let st = support::state()?;
    let notice = crate::shared::ssr::flash::take(&st, &crate::groups::paths::event(id));
    crate::groups::ssr::views::event(&st, &who, &scope, id, notice)
        .await
        .map_err(support::map_err)
}

/// The plan form (`id` None) or the change form of one event.
#[server(endpoint = "group/event-form")]
pub async fn load_event_form(id: Option<i32>) -> Result<EventFormView, PageError> {
    let (who, scope) = support::group_scope()?;
    if !scope.organises() {
        return Err(support::map_err(crate::shared::ssr::ViewError::Forbidden));
    }
    let st = support::state()?;
    let page = match id {
        Some(id) => crate::groups::paths::event_change(id),
        None => crate::groups::paths::GROUP_NEW_EVENT.to_string(),
    };
    let notice = crate::shared::ssr::flash::take(&st, &page);
    crate::groups::ssr::views::event_form(&st, &who, &scope, id, notice)
        .await
        .map_err(support::map_err)
}

#[server(endpoint = "group/people")]
pub async fn load_people() -> Result<PeopleView, PageError> {
    let (who, scope) = support::group_scope()?;
    if !scope.organises() {
        return Err(support::map_err(crate::shared::ssr::ViewError::Forbidden));
    }
    let st = support::state()?;
    let notice = crate::shared::ssr::flash::take(&st, crate::groups::paths::GROUP_PEOPLE);
    crate::groups::ssr::views::people(&st, &who, &scope, notice)
        .await
        .map_err(support::map_err)
}

#[server(endpoint = "group/entry")]
pub async fn load_entry(code: String, errors: bool, agreed: bool) -> Result<EntryView, PageError> {
    let (who, scope) = support::group_scope()?;
    crate::groups::ssr::entries::view(&support::state()?, &who, &scope, &code, errors, agreed)
        .await
        .map_err(support::map_err)
}

#[server(endpoint = "group/offline")]
pub async fn load_offline(event: i32, wave: i32) -> Result<OfflineEntryView, PageError> {
    let (who, scope) = support::group_scope()?;
    crate::groups::ssr::offline::view(&support::state()?, &who, &scope, event, wave)
        .await
        .map_err(support::map_err)
}

#[server(endpoint = "group/batch")]
pub async fn load_batch(id: i32) -> Result<BatchView, PageError> {
    let (who, scope) = support::group_scope()?;
    let st = support::state()?;
    let notice = crate::shared::ssr::flash::take(&st, &crate::groups::paths::batch(id));
    crate::groups::ssr::paper::view(&st, &who, &scope, id, notice)
        .await
        .map_err(support::map_err)
}

#[server(endpoint = "group/results")]
pub async fn load_group_results() -> Result<GroupResultsView, PageError> {
    let (who, scope) = support::group_scope()?;
    if !scope.organises() {
        return Err(support::map_err(crate::shared::ssr::ViewError::Forbidden));
    }
    crate::groups::ssr::results::view(&support::state()?, &who, &scope)
        .await
        .map_err(support::map_err)
}
