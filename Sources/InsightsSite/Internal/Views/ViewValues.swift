/// The template values of the site's views (see `TemplateConvertible`): every stored field, in declaration order.

extension LinkView: TemplateConvertible {
    var templateValue: TemplateValue { .fields { $0.add("href", href); $0.add("label", label) } }
}

extension TagView: TemplateConvertible {
    var templateValue: TemplateValue { .fields { $0.add("name", name); $0.add("href", href); $0.add("count", count) } }
}

extension NavItem: TemplateConvertible {
    var templateValue: TemplateValue {
        .fields {
            $0.add("href", href); $0.add("label", label); $0.add("isCurrent", isCurrent)
        }
    }
}

extension LayoutView: TemplateConvertible {
    var templateValue: TemplateValue {
        .fields {
            $0.add("pageTitle", pageTitle); $0.add("siteTitle", siteTitle); $0.add("description", description)
            $0.add("root", root); $0.add("canonical", canonical); $0.add("body", body); $0.add("nav", nav)
            $0.add("generatedOn", generatedOn); $0.add("scripts", scripts)
        }
    }
}

extension SessionRowView: TemplateConvertible {
    var templateValue: TemplateValue {
        .fields {
            $0.add("href", href); $0.add("title", title); $0.add("date", date); $0.add("findings", findings)
            $0.add("friction", friction); $0.add("completed", completed); $0.add("remaining", remaining)
            $0.add("tags", tags)
        }
    }
}

extension TimelineView: TemplateConvertible {
    var templateValue: TemplateValue {
        .fields {
            $0.add("root", root); $0.add("name", name); $0.add("count", count); $0.add("sessionCount", sessionCount)
            $0.add("sessions", sessions)
        }
    }
}

extension HomeView: TemplateConvertible {
    var templateValue: TemplateValue {
        .fields {
            $0.add("root", root); $0.add("siteTitle", siteTitle); $0.add("sessionCount", sessionCount)
            $0.add("findingCount", findingCount); $0.add("openTaskCount", openTaskCount)
            $0.add("recurringCount", recurringCount); $0.add("chart", chart); $0.add("urgent", urgent)
            $0.add("hasUrgent", hasUrgent); $0.add("failures", failures); $0.add("hasFailures", hasFailures)
            $0.add("sessions", sessions); $0.add("hasMore", hasMore)
        }
    }
}

extension HomeView.TaskRow: TemplateConvertible {
    var templateValue: TemplateValue {
        .fields {
            $0.add("href", href); $0.add("title", title); $0.add("priority", priority); $0.add("rank", rank)
            $0.add("status", status); $0.add("lastSeen", lastSeen)
        }
    }
}

extension HomeView.FailureRow: TemplateConvertible {
    var templateValue: TemplateValue {
        .fields {
            $0.add("href", href); $0.add("title", title); $0.add("sessions", sessions)
            $0.add("statusLabel", statusLabel); $0.add("isRecurredAfterFix", isRecurredAfterFix)
        }
    }
}

extension FindingsView: TemplateConvertible {
    var templateValue: TemplateValue {
        .fields {
            $0.add("count", count); $0.add("sessionCount", sessionCount); $0.add("categories", categories)
            $0.add("severities", severities); $0.add("findings", findings)
        }
    }
}

extension FindingsView.Row: TemplateConvertible {
    var templateValue: TemplateValue {
        .fields {
            $0.add("href", href); $0.add("title", title); $0.add("category", category); $0.add("severity", severity)
            $0.add("severityRank", severityRank); $0.add("severityGroup", severityGroup); $0.add("date", date)
            $0.add("sessionTitle", sessionTitle); $0.add("summary", summary)
        }
    }
}

extension FrictionView: TemplateConvertible {
    var templateValue: TemplateValue {
        .fields {
            $0.add("count", count); $0.add("rows", rows); $0.add("hasRows", hasRows)
        }
    }
}

extension FrictionView.Row: TemplateConvertible {
    var templateValue: TemplateValue {
        .fields {
            $0.add("href", href); $0.add("problem", problem); $0.add("response", response)
            $0.add("correction", correction); $0.add("date", date)
        }
    }
}

extension TagsView: TemplateConvertible {
    var templateValue: TemplateValue { .fields { $0.add("tags", tags); $0.add("hasTags", hasTags) } }
}

extension SearchView: TemplateConvertible {
    var templateValue: TemplateValue { .fields { $0.add("kinds", kinds) } }
}

extension SessionView: TemplateConvertible {
    var templateValue: TemplateValue {
        .fields {
            $0.add("id", id); $0.add("title", title); $0.add("date", date); $0.add("tags", tags)
            $0.add("fields", fields); $0.add("findings", findings); $0.add("friction", friction)
            $0.add("completed", completed); $0.add("remaining", remaining); $0.add("updates", updates)
            $0.add("takeaways", takeaways); $0.add("noteHTML", noteHTML); $0.add("hasFindings", hasFindings)
            $0.add("hasFriction", hasFriction); $0.add("hasCompleted", hasCompleted)
            $0.add("hasRemaining", hasRemaining); $0.add("hasUpdates", hasUpdates)
            $0.add("hasTakeaways", hasTakeaways); $0.add("hasStructure", hasStructure)
            $0.add("findingsCount", findingsCount); $0.add("frictionCount", frictionCount)
            $0.add("completedCount", completedCount); $0.add("remainingCount", remainingCount)
            $0.add("updatesCount", updatesCount)
        }
    }
}

extension SessionView.Field: TemplateConvertible {
    var templateValue: TemplateValue { .fields { $0.add("label", label); $0.add("value", value) } }
}

extension SessionView.FieldHTML: TemplateConvertible {
    var templateValue: TemplateValue { .fields { $0.add("label", label); $0.add("html", html) } }
}

extension SessionView.FindingItem: TemplateConvertible {
    var templateValue: TemplateValue {
        .fields {
            $0.add("anchor", anchor); $0.add("number", number); $0.add("title", title); $0.add("category", category)
            $0.add("severity", severity); $0.add("severityRank", severityRank); $0.add("fields", fields)
            $0.add("failure", failure)
        }
    }
}

extension SessionView.FrictionItem: TemplateConvertible {
    var templateValue: TemplateValue {
        .fields {
            $0.add("anchor", anchor); $0.add("number", number); $0.add("problem", problem)
            $0.add("response", response); $0.add("correction", correction); $0.add("failure", failure)
        }
    }
}

extension SessionView.CompletedItem: TemplateConvertible {
    var templateValue: TemplateValue {
        .fields {
            $0.add("anchor", anchor); $0.add("title", title); $0.add("status", status); $0.add("note", note)
            $0.add("task", task)
        }
    }
}

extension SessionView.RemainingItem: TemplateConvertible {
    var templateValue: TemplateValue {
        .fields {
            $0.add("anchor", anchor); $0.add("number", number); $0.add("title", title); $0.add("detail", detail)
            $0.add("priority", priority); $0.add("rank", rank); $0.add("dependsOn", dependsOn); $0.add("task", task)
        }
    }
}

extension SessionView.UpdateItem: TemplateConvertible {
    var templateValue: TemplateValue {
        .fields {
            $0.add("anchor", anchor); $0.add("title", title); $0.add("status", status); $0.add("resolves", resolves)
            $0.add("hasResolves", hasResolves)
        }
    }
}

extension SessionView.TakeawayItem: TemplateConvertible {
    var templateValue: TemplateValue {
        .fields {
            $0.add("anchor", anchor); $0.add("title", title); $0.add("text", text)
        }
    }
}

extension TaskBoardView: TemplateConvertible {
    var templateValue: TemplateValue {
        .fields {
            $0.add("openCount", openCount); $0.add("blockedCount", blockedCount); $0.add("doneCount", doneCount)
            $0.add("columns", columns)
        }
    }
}

extension TaskBoardView.Mention: TemplateConvertible {
    var templateValue: TemplateValue {
        .fields {
            $0.add("date", date); $0.add("href", href); $0.add("sessionTitle", sessionTitle); $0.add("kind", kind)
            $0.add("priority", priority); $0.add("text", text)
        }
    }
}

extension TaskBoardView.Card: TemplateConvertible {
    var templateValue: TemplateValue {
        .fields {
            $0.add("anchor", anchor); $0.add("id", id); $0.add("title", title); $0.add("priority", priority)
            $0.add("rank", rank); $0.add("span", span); $0.add("isReopened", isReopened)
            $0.add("resolvedOn", resolvedOn); $0.add("dependsOn", dependsOn); $0.add("hasDepends", hasDepends)
            $0.add("mentions", mentions); $0.add("mentionCount", mentionCount); $0.add("omitted", omitted)
            $0.add("hasOmitted", hasOmitted)
        }
    }
}

extension TaskBoardView.Group: TemplateConvertible {
    var templateValue: TemplateValue { .fields { $0.add("label", label); $0.add("tasks", tasks) } }
}

extension TaskBoardView.DoneRow: TemplateConvertible {
    var templateValue: TemplateValue {
        .fields {
            $0.add("anchor", anchor); $0.add("id", id); $0.add("title", title); $0.add("date", date)
            $0.add("href", href); $0.add("sessionTitle", sessionTitle); $0.add("mentions", mentions)
            $0.add("isReopened", isReopened)
        }
    }
}

extension TaskBoardView.Column: TemplateConvertible {
    var templateValue: TemplateValue {
        .fields {
            $0.add("key", key); $0.add("label", label); $0.add("count", count); $0.add("groups", groups)
            $0.add("done", done); $0.add("hasDone", hasDone)
        }
    }
}

extension FailureMapView: TemplateConvertible {
    var templateValue: TemplateValue {
        .fields {
            $0.add("count", count); $0.add("recurredCount", recurredCount); $0.add("clusters", clusters)
            $0.add("singles", singles); $0.add("singleCount", singleCount); $0.add("hasSingles", hasSingles)
        }
    }
}

extension FailureMapView.Occurrence: TemplateConvertible {
    var templateValue: TemplateValue {
        .fields {
            $0.add("date", date); $0.add("href", href); $0.add("title", title); $0.add("kind", kind)
            $0.add("sessionTitle", sessionTitle); $0.add("isAfterFix", isAfterFix)
        }
    }
}

extension FailureMapView.Fix: TemplateConvertible {
    var templateValue: TemplateValue { .fields { $0.add("date", date); $0.add("href", href); $0.add("text", text) } }
}

extension FailureMapView.Cluster: TemplateConvertible {
    var templateValue: TemplateValue {
        .fields {
            $0.add("anchor", anchor); $0.add("id", id); $0.add("title", title); $0.add("sessions", sessions)
            $0.add("firstSeen", firstSeen); $0.add("lastSeen", lastSeen); $0.add("status", status)
            $0.add("statusLabel", statusLabel); $0.add("isRecurredAfterFix", isRecurredAfterFix)
            $0.add("strip", strip); $0.add("terms", terms); $0.add("hasTerms", hasTerms)
            $0.add("occurrences", occurrences); $0.add("fixes", fixes); $0.add("hasFixes", hasFixes)
            $0.add("omitted", omitted); $0.add("hasOmitted", hasOmitted)
        }
    }
}

extension FailureMapView.Single: TemplateConvertible {
    var templateValue: TemplateValue {
        .fields {
            $0.add("anchor", anchor); $0.add("id", id); $0.add("title", title); $0.add("date", date)
            $0.add("href", href); $0.add("sessionTitle", sessionTitle); $0.add("statusLabel", statusLabel)
        }
    }
}
