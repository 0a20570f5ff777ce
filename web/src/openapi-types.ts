// Generated from /openapi.json by scripts/api-types.ts (npm run api-types). Do not edit.
/* eslint-disable */
export interface paths {
    "/api/speciesplus/v1/taxon_concepts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Species+ compatible: taxon concepts (paged; CITES or CMS taxonomy) */
        get: {
            parameters: {
                query?: {
                    /** @description Common name languages, e.g. EN,FR */
                    language?: string;
                    name?: string;
                    page?: number;
                    per_page?: number;
                    taxonomy?: "CITES" | "CMS" | "cites" | "cms";
                    updated_since?: string;
                    with_descendants?: boolean;
                };
                header?: {
                    /** @description Accepted (not required); a valid Concord API token raises the rate limit */
                    "x-authentication-token"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            pagination: {
                                current_page: number;
                                per_page: number;
                                total_entries: number;
                            };
                            taxon_concepts: {
                                active: boolean;
                                author_year: string | null;
                                cites_listing: string | null;
                                cites_listings: {
                                    annotation: string | null;
                                    appendix: string;
                                    effective_at: string | null;
                                    hash_annotation: {
                                        full_note?: string | null;
                                        symbol?: string;
                                    } | null;
                                    id: number;
                                    party: {
                                        iso_code2: string;
                                        name: string;
                                        type: string;
                                    } | null;
                                }[];
                                /** @description Only with taxonomy=CMS (a Concord addition) */
                                cms_listing?: string | null;
                                /** @description Only with taxonomy=CMS (a Concord addition) */
                                cms_listings?: {
                                    annotation: string | null;
                                    appendix: string;
                                    effective_at: string | null;
                                    hash_annotation: {
                                        full_note?: string | null;
                                        symbol?: string;
                                    } | null;
                                    id: number;
                                    party: {
                                        iso_code2: string;
                                        name: string;
                                        type: string;
                                    } | null;
                                }[];
                                common_names: {
                                    language: string;
                                    name: string;
                                }[];
                                full_name: string;
                                higher_taxa: {
                                    class: string | null;
                                    family: string | null;
                                    kingdom: string | null;
                                    order: string | null;
                                    phylum: string | null;
                                };
                                id: number;
                                name_status: string;
                                rank: string;
                                synonyms: {
                                    author_year: string | null;
                                    full_name: string;
                                    id: number;
                                    rank: string;
                                }[];
                                updated_at: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                406: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/speciesplus/v1/taxon_concepts/{id}/cites_legislation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Species+ compatible: CITES listings of a taxon concept (quotas and suspensions: not held, empty) */
        get: {
            parameters: {
                query?: {
                    /** @description en, es or fr */
                    language?: string;
                    scope?: "current" | "historic" | "all";
                };
                header?: {
                    /** @description Accepted (not required); a valid Concord API token raises the rate limit */
                    "x-authentication-token"?: string;
                };
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cites_listings: {
                                annotation: string | null;
                                appendix: string;
                                change_type: string;
                                effective_at: string | null;
                                id: number;
                                is_current: boolean;
                                party?: {
                                    iso_code2: string;
                                    name: string;
                                    type: string;
                                } | null;
                                taxon_concept_id: number;
                            }[];
                            cites_quotas: {
                                [key: string]: unknown;
                            }[];
                            cites_suspensions: {
                                [key: string]: unknown;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                406: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/speciesplus/v1/taxon_concepts/{id}/distributions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Species+ compatible: distributions of a taxon concept */
        get: {
            parameters: {
                query?: {
                    /** @description en, es or fr */
                    language?: string;
                };
                header?: {
                    /** @description Accepted (not required); a valid Concord API token raises the rate limit */
                    "x-authentication-token"?: string;
                };
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            iso_code2: string;
                            name: string;
                            references: string[];
                            tags: string[];
                            type: string;
                        }[];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                406: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/speciesplus/v1/taxon_concepts/{id}/references": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Species+ compatible: references of a taxon concept */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Accepted (not required); a valid Concord API token raises the rate limit */
                    "x-authentication-token"?: string;
                };
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            citation: string;
                            id: number;
                            is_standard: boolean;
                        }[];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                406: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit log of every write: who, when, what, before and after (admins; JSON or CSV) */
        get: {
            parameters: {
                query?: {
                    actor?: string;
                    format?: "json" | "csv";
                    limit?: number;
                    offset?: number;
                    resource_type?: string;
                    since?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Audit events */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            events: {
                                action: string;
                                actor: string;
                                /** @description The resource as stored before or after the write (its columns, whatever the resource); null when it did not exist */
                                after: {
                                    [key: string]: unknown;
                                } | null;
                                /** Format: date-time */
                                at: string;
                                /** @description The resource as stored before or after the write (its columns, whatever the resource); null when it did not exist */
                                before: {
                                    [key: string]: unknown;
                                } | null;
                                id: number;
                                request_id: string | null;
                                resource_id: string | null;
                                resource_type: string;
                                user_id: number | null;
                            }[];
                            total: number;
                        };
                        "text/csv": string;
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Accounts (admins only) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            conventions: ("CITES" | "CMS")[];
                            /** Format: date-time */
                            created_at: string;
                            disabled: boolean;
                            email: string;
                            id: number;
                            name: string;
                            party_iso2: string | null;
                            /** @enum {string} */
                            role: "admin" | "cites_secretariat" | "cms_secretariat" | "party_focal_point";
                        }[];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create an account */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        _csrf?: string;
                        conventions?: ("CITES" | "CMS")[];
                        email: string;
                        name: string;
                        party_iso2?: string | null;
                        password: string;
                        /** @enum {string} */
                        role: "admin" | "cites_secretariat" | "cms_secretariat" | "party_focal_point";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            conventions: ("CITES" | "CMS")[];
                            /** Format: date-time */
                            created_at: string;
                            disabled: boolean;
                            email: string;
                            id: number;
                            name: string;
                            party_iso2: string | null;
                            /** @enum {string} */
                            role: "admin" | "cites_secretariat" | "cms_secretariat" | "party_focal_point";
                        };
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change an account's role or disable it (its sessions end) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        _csrf?: string;
                        conventions?: ("CITES" | "CMS")[];
                        disabled?: boolean;
                        party_iso2?: string | null;
                        /** @enum {string} */
                        role: "admin" | "cites_secretariat" | "cms_secretariat" | "party_focal_point";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            conventions: ("CITES" | "CMS")[];
                            /** Format: date-time */
                            created_at: string;
                            disabled: boolean;
                            email: string;
                            id: number;
                            name: string;
                            party_iso2: string | null;
                            /** @enum {string} */
                            role: "admin" | "cites_secretariat" | "cms_secretariat" | "party_focal_point";
                        };
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/alignment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Nomenclature alignment report: CMS concepts whose CITES counterpart differs in name, rank or boundary (all=true: every CMS concept) */
        get: {
            parameters: {
                query?: {
                    all?: boolean;
                    class?: string;
                    format?: "json" | "csv";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            basis: string;
                            cites: {
                                appendices: string[];
                                author: string | null;
                                category: string;
                                id: number;
                                /** @description CMS side: the Agreements and MOUs covering the taxon */
                                instruments: {
                                    code: string;
                                    /** @enum {string} */
                                    kind: "agreement" | "mou";
                                    name: string;
                                    since: string | null;
                                }[];
                                listing: string | null;
                                name: string;
                                rank: string;
                                reasons: {
                                    appendices?: string[];
                                    appendix?: string;
                                    /** @description The listing change it stands on */
                                    change_id?: number | string;
                                    /**
                                     * @deprecated
                                     * @description Deprecated alias of change_id
                                     */
                                    changeId?: number | string;
                                    concept?: {
                                        full_name: string;
                                        id: number;
                                    };
                                    /** @description YYYY-MM-DD */
                                    effective_at?: string | null;
                                    /**
                                     * @deprecated
                                     * @description Deprecated alias of effective_at
                                     */
                                    effectiveAt?: string | null;
                                    en?: string | null;
                                    es?: string | null;
                                    /** @description population: ISO codes of the populations not listed */
                                    excluded?: string[];
                                    fr?: string | null;
                                    /** @description inherited, excluded: the higher taxon whose listing it is */
                                    from?: {
                                        id?: number;
                                        name: string;
                                        rank?: string;
                                    } | null;
                                    hash_annotation?: string | null;
                                    hash_symbol?: string | null;
                                    /**
                                     * @deprecated
                                     * @description Deprecated alias of hash_annotation
                                     */
                                    hashAnnotation?: string | null;
                                    /**
                                     * @deprecated
                                     * @description Deprecated alias of hash_symbol
                                     */
                                    hashSymbol?: string | null;
                                    /** @description population: ISO codes of the only populations listed */
                                    included?: string[];
                                    /** @enum {string} */
                                    kind: "own" | "inherited" | "population" | "reservation" | "app3" | "annotation" | "deletion" | "not_in_force" | "excluded" | "descendants" | "via";
                                    /** @description reservation, app3, deletion: ISO code of the Party */
                                    party?: string | null;
                                    /**
                                     * @description via: how the concept the status comes from relates to the taxon
                                     * @enum {string}
                                     */
                                    relation?: "equal" | "included_in" | "includes" | "overlaps";
                                    /** @description not_in_force: the day the convention entered into force */
                                    since?: string;
                                    /** @description The reason in English */
                                    text: string;
                                }[];
                                /** @description CITES side: no CITES concept of its own; the higher taxon whose listing covers it */
                                via_higher_taxon: boolean;
                            } | null;
                            class: string | null;
                            /**
                             * @deprecated
                             * @description Deprecated alias of class
                             */
                            className: string | null;
                            cms: {
                                appendices: string[];
                                author: string | null;
                                category: string;
                                id: number;
                                /** @description CMS side: the Agreements and MOUs covering the taxon */
                                instruments: {
                                    code: string;
                                    /** @enum {string} */
                                    kind: "agreement" | "mou";
                                    name: string;
                                    since: string | null;
                                }[];
                                listing: string | null;
                                name: string;
                                rank: string;
                                reasons: {
                                    appendices?: string[];
                                    appendix?: string;
                                    /** @description The listing change it stands on */
                                    change_id?: number | string;
                                    /**
                                     * @deprecated
                                     * @description Deprecated alias of change_id
                                     */
                                    changeId?: number | string;
                                    concept?: {
                                        full_name: string;
                                        id: number;
                                    };
                                    /** @description YYYY-MM-DD */
                                    effective_at?: string | null;
                                    /**
                                     * @deprecated
                                     * @description Deprecated alias of effective_at
                                     */
                                    effectiveAt?: string | null;
                                    en?: string | null;
                                    es?: string | null;
                                    /** @description population: ISO codes of the populations not listed */
                                    excluded?: string[];
                                    fr?: string | null;
                                    /** @description inherited, excluded: the higher taxon whose listing it is */
                                    from?: {
                                        id?: number;
                                        name: string;
                                        rank?: string;
                                    } | null;
                                    hash_annotation?: string | null;
                                    hash_symbol?: string | null;
                                    /**
                                     * @deprecated
                                     * @description Deprecated alias of hash_annotation
                                     */
                                    hashAnnotation?: string | null;
                                    /**
                                     * @deprecated
                                     * @description Deprecated alias of hash_symbol
                                     */
                                    hashSymbol?: string | null;
                                    /** @description population: ISO codes of the only populations listed */
                                    included?: string[];
                                    /** @enum {string} */
                                    kind: "own" | "inherited" | "population" | "reservation" | "app3" | "annotation" | "deletion" | "not_in_force" | "excluded" | "descendants" | "via";
                                    /** @description reservation, app3, deletion: ISO code of the Party */
                                    party?: string | null;
                                    /**
                                     * @description via: how the concept the status comes from relates to the taxon
                                     * @enum {string}
                                     */
                                    relation?: "equal" | "included_in" | "includes" | "overlaps";
                                    /** @description not_in_force: the day the convention entered into force */
                                    since?: string;
                                    /** @description The reason in English */
                                    text: string;
                                }[];
                                /** @description CITES side: no CITES concept of its own; the higher taxon whose listing covers it */
                                via_higher_taxon: boolean;
                            };
                            comment: string | null;
                            confidence: number;
                            difference: string;
                            /** @description Free-form: what the matcher found (the names that met, spellings, candidates), as the link stores it */
                            evidence: {
                                [key: string]: unknown;
                            } | null;
                            family: string | null;
                            /**
                             * @deprecated
                             * @description Deprecated alias of family
                             */
                            familyName: string | null;
                            order: string | null;
                            /**
                             * @deprecated
                             * @description Deprecated alias of order
                             */
                            orderName: string | null;
                            /** @enum {string} */
                            origin: "automatic" | "curated" | "unaligned";
                            relation: string;
                            review: boolean;
                        }[];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                406: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/csrf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A CSRF token for forms and cookie-authenticated JSON writes (header X-CSRF-Token) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            csrf_token: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user (null for the public), their abilities, and a CSRF token */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description What the caller may do, as 'resource.action' (the UI hides the rest) */
                            abilities: string[];
                            /** @description Send it in the X-CSRF-Token header of cookie-authenticated writes */
                            csrf_token: string;
                            /** @description null for the public */
                            user: {
                                conventions: ("CITES" | "CMS")[];
                                email: string;
                                id: number;
                                name: string;
                                party_iso2: string | null;
                                /** @enum {string} */
                                role: "admin" | "cites_secretariat" | "cms_secretariat" | "party_focal_point";
                            } | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sign-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with e-mail and password; sets an HTTP-only session cookie */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        _csrf?: string;
                        email: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description What the caller may do, as 'resource.action' (the UI hides the rest) */
                            abilities: string[];
                            /** @description Send it in the X-CSRF-Token header of cookie-authenticated writes */
                            csrf_token: string;
                            /** @description null for the public */
                            user: {
                                conventions: ("CITES" | "CMS")[];
                                email: string;
                                id: number;
                                name: string;
                                party_iso2: string | null;
                                /** @enum {string} */
                                role: "admin" | "cites_secretariat" | "cms_secretariat" | "party_focal_point";
                            } | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sign-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the session */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user's API tokens (an admin may ask for another user's), revoked ones included; never the secrets */
        get: {
            parameters: {
                query?: {
                    user_id?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            tokens: {
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                expires_at: string | null;
                                id: number;
                                /** Format: date-time */
                                last_used_at: string | null;
                                name: string;
                                /** Format: date-time */
                                revoked_at: string | null;
                                user_id: number;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Make an API token for scripts (shown once) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        _csrf?: string;
                        expires_in_days?: number;
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            name: string;
                            /** @description The secret: shown once, only its hash is kept */
                            token: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API token (your own; an admin any): refused from the next request on */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            expires_at: string | null;
                            id: number;
                            /** Format: date-time */
                            last_used_at: string | null;
                            name: string;
                            /** Format: date-time */
                            revoked_at: string | null;
                            user_id: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Change feed: taxon concepts updated or removed since a date-time, oldest first */
        get: {
            parameters: {
                query: {
                    page?: number;
                    /** @description At most 500 */
                    per_page?: number;
                    /** @description ISO 8601 date or date-time */
                    updated_since: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            at: string;
                            full_name: string;
                            id: number;
                            /**
                             * @description 'removed' is a tombstone: the taxon concept is gone
                             * @enum {string}
                             */
                            kind: "updated" | "removed";
                            name_status: string | null;
                            rank: string | null;
                            /** @enum {string} */
                            taxonomy: "CITES" | "CMS";
                        }[];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                406: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cms-instruments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The CMS Agreements and Memoranda of Understanding (instruments are not Appendices) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            /** @enum {string} */
                            kind: "agreement" | "mou";
                            name: string;
                            title: string;
                        }[];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                406: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cms-parties": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** CMS Parties with their entry-into-force dates, and whether the caller may edit them */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            can: {
                                update: boolean;
                            };
                            parties: {
                                entry_into_force: string | null;
                                iso2: string;
                                name: string;
                                /** @description The file the date came from, or 'edited in Concord' */
                                source: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cms-parties/{iso2}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set a State's CMS Party entry-into-force date (null: not a Party) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    iso2: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        _csrf?: string;
                        /**
                         * Format: date
                         * @description null: not a Party
                         */
                        entry_into_force: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            convention: "CMS";
                            entry_into_force: string | null;
                            iso2: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/countries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Countries and territories, with Party membership of CITES and CMS */
        get: {
            parameters: {
                query?: {
                    party?: "CITES" | "CMS";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            is_current: boolean;
                            iso2: string;
                            iso3: string | null;
                            /** @description UN M49 numeric code (3 digits), null when unknown */
                            m49: string | null;
                            name: {
                                en: string;
                                es: string | null;
                                fr: string | null;
                            };
                            parties: {
                                CITES: {
                                    /** @description The source of the fact (Party since, or 'not a Party'), and the day it is as of; null when no source says anything */
                                    according_to: {
                                        as_of: string | null;
                                        file: string | null;
                                        /** @enum {string} */
                                        origin: "imported" | "curated";
                                        source: string | null;
                                    } | null;
                                    party: boolean;
                                    /** @description Entry into force (YYYY-MM-DD), null when unknown */
                                    since: string | null;
                                };
                                CMS: {
                                    /** @description The source of the fact (Party since, or 'not a Party'), and the day it is as of; null when no source says anything */
                                    according_to: {
                                        as_of: string | null;
                                        file: string | null;
                                        /** @enum {string} */
                                        origin: "imported" | "curated";
                                        source: string | null;
                                    } | null;
                                    party: boolean;
                                    /** @description Entry into force (YYYY-MM-DD), null when unknown */
                                    since: string | null;
                                };
                            };
                            region: string | null;
                            type: string;
                        }[];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                406: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/countries/{iso2}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One country: Party since when, species occurring there (paged), shared species */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    /** @description At most 500 */
                    per_page?: number;
                    /** @description Only species listed in both conventions */
                    shared?: boolean;
                    /** @description 'both': one row per species; 'cites' or 'cms': the concepts of that taxonomy (counts too) */
                    taxonomy?: "cites" | "cms" | "both";
                };
                header?: never;
                path: {
                    iso2: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            is_current: boolean;
                            iso2: string;
                            iso3: string | null;
                            /** @description UN M49 numeric code (3 digits), null when unknown */
                            m49: string | null;
                            name: {
                                en: string;
                                es: string | null;
                                fr: string | null;
                            };
                            parties: {
                                CITES: {
                                    /** @description The source of the fact (Party since, or 'not a Party'), and the day it is as of; null when no source says anything */
                                    according_to: {
                                        as_of: string | null;
                                        file: string | null;
                                        /** @enum {string} */
                                        origin: "imported" | "curated";
                                        source: string | null;
                                    } | null;
                                    party: boolean;
                                    /** @description Entry into force (YYYY-MM-DD), null when unknown */
                                    since: string | null;
                                };
                                CMS: {
                                    /** @description The source of the fact (Party since, or 'not a Party'), and the day it is as of; null when no source says anything */
                                    according_to: {
                                        as_of: string | null;
                                        file: string | null;
                                        /** @enum {string} */
                                        origin: "imported" | "curated";
                                        source: string | null;
                                    } | null;
                                    party: boolean;
                                    /** @description Entry into force (YYYY-MM-DD), null when unknown */
                                    since: string | null;
                                };
                            };
                            region: string | null;
                            shared_species_count: number;
                            species: {
                                /** @description The day the CITES data are complete to (the newest source of the whole Appendix list: the 2017 Checklist); newer partial sources in GET /api/v1/coverage */
                                cites_as_of: string | null;
                                /** @description The concept this convention's status comes from and how it is linked to the taxon: 'self', or (in the other taxonomy) 'equal', 'included_in' (the taxon is part of it, e.g. a species of a listed family), 'includes', 'overlaps'; null when the taxon has no counterpart in that convention's taxonomy */
                                cites_concept: {
                                    full_name: string;
                                    id: number;
                                    /** @enum {string} */
                                    relation: "self" | "equal" | "included_in" | "includes" | "overlaps";
                                } | null;
                                /** @description Current CITES listing ('I', 'I/II', 'III', 'II/NC' ...) of the taxon, through its CITES counterpart when it is a CMS concept; null when not listed */
                                cites_listing: string | null;
                                /** @description The day the CMS data are complete to (the COP14 amendments in force); newer partial sources in GET /api/v1/coverage */
                                cms_as_of: string | null;
                                /** @description The concept this convention's status comes from and how it is linked to the taxon: 'self', or (in the other taxonomy) 'equal', 'included_in' (the taxon is part of it, e.g. a species of a listed family), 'includes', 'overlaps'; null when the taxon has no counterpart in that convention's taxonomy */
                                cms_concept: {
                                    full_name: string;
                                    id: number;
                                    /** @enum {string} */
                                    relation: "self" | "equal" | "included_in" | "includes" | "overlaps";
                                } | null;
                                cms_instruments: {
                                    code: string;
                                    /** @enum {string} */
                                    kind: "agreement" | "mou";
                                    name: string;
                                    /** @description YYYY-MM-DD, when the source gives it */
                                    since: string | null;
                                }[];
                                /**
                                 * @description Current CMS listing (I, II or I/II) of the taxon, through its CMS counterpart when it is a CITES concept; null when not listed. CMS Agreements and MOUs are in cms_instruments
                                 * @enum {string|null}
                                 */
                                cms_listing: "I" | "II" | "I/II" | null;
                                family: string | null;
                                full_name: string;
                                id: number;
                                rank: string;
                                /** @description Listed in both conventions (its joined status has a CITES and a CMS listing) */
                                shared: boolean;
                                tags: string[];
                                /** @enum {string} */
                                taxonomy: "CITES" | "CMS";
                            }[];
                            species_count: number;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                406: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/coverage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the data cover in each convention: complete to which day, newer partial sources, which CoPs/COPs */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            CITES: {
                                /** @description The newest source of the whole Appendix list: the data are complete to its day */
                                complete: {
                                    /** @description YYYY-MM-DD */
                                    as_of: string;
                                    file: string;
                                    /** @description Import format */
                                    source: string;
                                } | null;
                                /** @description The convention's Conferences of the Parties the data know, and whether the complete source covers them */
                                meetings: {
                                    covered: boolean;
                                    date: string | null;
                                    name: string;
                                }[];
                                /** @description Newer sources of some taxa only, newest first */
                                partial: {
                                    /** @description YYYY-MM-DD */
                                    as_of: string;
                                    file: string;
                                    /** @description Import format */
                                    source: string;
                                }[];
                                /** @description Listing changes recorded by hand in Concord */
                                recorded: {
                                    count: number;
                                    latest: string | null;
                                };
                            };
                            CMS: {
                                /** @description The newest source of the whole Appendix list: the data are complete to its day */
                                complete: {
                                    /** @description YYYY-MM-DD */
                                    as_of: string;
                                    file: string;
                                    /** @description Import format */
                                    source: string;
                                } | null;
                                /** @description The convention's Conferences of the Parties the data know, and whether the complete source covers them */
                                meetings: {
                                    covered: boolean;
                                    date: string | null;
                                    name: string;
                                }[];
                                /** @description Newer sources of some taxa only, newest first */
                                partial: {
                                    /** @description YYYY-MM-DD */
                                    as_of: string;
                                    file: string;
                                    /** @description Import format */
                                    source: string;
                                }[];
                                /** @description Listing changes recorded by hand in Concord */
                                recorded: {
                                    count: number;
                                    latest: string | null;
                                };
                            };
                        };
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                406: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/curation/links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Links waiting for review (least confident first) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            can: {
                                curate: boolean;
                            };
                            links: {
                                /**
                                 * @description Why the link was made
                                 * @enum {string}
                                 */
                                basis: "name" | "synonym" | "variant" | "fuzzy" | "rank" | "split_lump" | "curated";
                                cites_name: string | null;
                                cites_taxon_concept_id: number | null;
                                cms_name: string | null;
                                cms_taxon_concept_id: number;
                                comment: string | null;
                                confidence: number;
                                curated_by: string | null;
                                id: number;
                                /** @enum {string} */
                                origin: "automatic" | "curated";
                                /** @enum {string} */
                                relation: "equal" | "includes" | "included_in" | "overlaps" | "disjunct";
                                /** @description Waiting for a Secretariat to review it */
                                review: boolean;
                                /** Format: date-time */
                                updated_at: string;
                            }[];
                            total: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/curation/links/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm, reject or replace a link, with a comment; curated links survive re-imports */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        _csrf?: string;
                        cites_taxon_concept_id?: number | null;
                        comment: string;
                        /** @enum {string} */
                        decision: "confirm" | "reject" | "replace";
                        /** @enum {string} */
                        relation?: "equal" | "includes" | "included_in" | "overlaps" | "disjunct";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description Why the link was made
                             * @enum {string}
                             */
                            basis: "name" | "synonym" | "variant" | "fuzzy" | "rank" | "split_lump" | "curated";
                            cites_name: string | null;
                            cites_taxon_concept_id: number | null;
                            cms_name: string | null;
                            cms_taxon_concept_id: number;
                            comment: string | null;
                            confidence: number;
                            curated_by: string | null;
                            id: number;
                            /** @enum {string} */
                            origin: "automatic" | "curated";
                            /** @enum {string} */
                            relation: "equal" | "includes" | "included_in" | "overlaps" | "disjunct";
                            /**
                             * @description Present when the rejected link was deleted (the concept keeps other curated links)
                             * @enum {boolean}
                             */
                            removed?: true;
                            /** @description Waiting for a Secretariat to review it */
                            review: boolean;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/joint-list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Species listed by both conventions (CMS concept with its CITES counterpart), filterable by appendix, range State, class, order, family */
        get: {
            parameters: {
                query?: {
                    cites?: "I" | "II" | "III" | "split" | "none" | "any" | "all";
                    class?: string;
                    cms?: "I" | "II" | "I+II" | "agreement" | "none" | "any" | "all";
                    country?: string;
                    family?: string;
                    format?: "json" | "csv";
                    order?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            basis: string;
                            cites: {
                                appendices: string[];
                                author: string | null;
                                category: string;
                                id: number;
                                /** @description CMS side: the Agreements and MOUs covering the taxon */
                                instruments: {
                                    code: string;
                                    /** @enum {string} */
                                    kind: "agreement" | "mou";
                                    name: string;
                                    since: string | null;
                                }[];
                                listing: string | null;
                                name: string;
                                rank: string;
                                reasons: {
                                    appendices?: string[];
                                    appendix?: string;
                                    /** @description The listing change it stands on */
                                    change_id?: number | string;
                                    /**
                                     * @deprecated
                                     * @description Deprecated alias of change_id
                                     */
                                    changeId?: number | string;
                                    concept?: {
                                        full_name: string;
                                        id: number;
                                    };
                                    /** @description YYYY-MM-DD */
                                    effective_at?: string | null;
                                    /**
                                     * @deprecated
                                     * @description Deprecated alias of effective_at
                                     */
                                    effectiveAt?: string | null;
                                    en?: string | null;
                                    es?: string | null;
                                    /** @description population: ISO codes of the populations not listed */
                                    excluded?: string[];
                                    fr?: string | null;
                                    /** @description inherited, excluded: the higher taxon whose listing it is */
                                    from?: {
                                        id?: number;
                                        name: string;
                                        rank?: string;
                                    } | null;
                                    hash_annotation?: string | null;
                                    hash_symbol?: string | null;
                                    /**
                                     * @deprecated
                                     * @description Deprecated alias of hash_annotation
                                     */
                                    hashAnnotation?: string | null;
                                    /**
                                     * @deprecated
                                     * @description Deprecated alias of hash_symbol
                                     */
                                    hashSymbol?: string | null;
                                    /** @description population: ISO codes of the only populations listed */
                                    included?: string[];
                                    /** @enum {string} */
                                    kind: "own" | "inherited" | "population" | "reservation" | "app3" | "annotation" | "deletion" | "not_in_force" | "excluded" | "descendants" | "via";
                                    /** @description reservation, app3, deletion: ISO code of the Party */
                                    party?: string | null;
                                    /**
                                     * @description via: how the concept the status comes from relates to the taxon
                                     * @enum {string}
                                     */
                                    relation?: "equal" | "included_in" | "includes" | "overlaps";
                                    /** @description not_in_force: the day the convention entered into force */
                                    since?: string;
                                    /** @description The reason in English */
                                    text: string;
                                }[];
                                /** @description CITES side: no CITES concept of its own; the higher taxon whose listing covers it */
                                via_higher_taxon: boolean;
                            } | null;
                            class: string | null;
                            /**
                             * @deprecated
                             * @description Deprecated alias of class
                             */
                            className: string | null;
                            cms: {
                                appendices: string[];
                                author: string | null;
                                category: string;
                                id: number;
                                /** @description CMS side: the Agreements and MOUs covering the taxon */
                                instruments: {
                                    code: string;
                                    /** @enum {string} */
                                    kind: "agreement" | "mou";
                                    name: string;
                                    since: string | null;
                                }[];
                                listing: string | null;
                                name: string;
                                rank: string;
                                reasons: {
                                    appendices?: string[];
                                    appendix?: string;
                                    /** @description The listing change it stands on */
                                    change_id?: number | string;
                                    /**
                                     * @deprecated
                                     * @description Deprecated alias of change_id
                                     */
                                    changeId?: number | string;
                                    concept?: {
                                        full_name: string;
                                        id: number;
                                    };
                                    /** @description YYYY-MM-DD */
                                    effective_at?: string | null;
                                    /**
                                     * @deprecated
                                     * @description Deprecated alias of effective_at
                                     */
                                    effectiveAt?: string | null;
                                    en?: string | null;
                                    es?: string | null;
                                    /** @description population: ISO codes of the populations not listed */
                                    excluded?: string[];
                                    fr?: string | null;
                                    /** @description inherited, excluded: the higher taxon whose listing it is */
                                    from?: {
                                        id?: number;
                                        name: string;
                                        rank?: string;
                                    } | null;
                                    hash_annotation?: string | null;
                                    hash_symbol?: string | null;
                                    /**
                                     * @deprecated
                                     * @description Deprecated alias of hash_annotation
                                     */
                                    hashAnnotation?: string | null;
                                    /**
                                     * @deprecated
                                     * @description Deprecated alias of hash_symbol
                                     */
                                    hashSymbol?: string | null;
                                    /** @description population: ISO codes of the only populations listed */
                                    included?: string[];
                                    /** @enum {string} */
                                    kind: "own" | "inherited" | "population" | "reservation" | "app3" | "annotation" | "deletion" | "not_in_force" | "excluded" | "descendants" | "via";
                                    /** @description reservation, app3, deletion: ISO code of the Party */
                                    party?: string | null;
                                    /**
                                     * @description via: how the concept the status comes from relates to the taxon
                                     * @enum {string}
                                     */
                                    relation?: "equal" | "included_in" | "includes" | "overlaps";
                                    /** @description not_in_force: the day the convention entered into force */
                                    since?: string;
                                    /** @description The reason in English */
                                    text: string;
                                }[];
                                /** @description CITES side: no CITES concept of its own; the higher taxon whose listing covers it */
                                via_higher_taxon: boolean;
                            };
                            comment: string | null;
                            confidence: number;
                            difference: string;
                            /** @description Free-form: what the matcher found (the names that met, spellings, candidates), as the link stores it */
                            evidence: {
                                [key: string]: unknown;
                            } | null;
                            family: string | null;
                            /**
                             * @deprecated
                             * @description Deprecated alias of family
                             */
                            familyName: string | null;
                            order: string | null;
                            /**
                             * @deprecated
                             * @description Deprecated alias of order
                             */
                            orderName: string | null;
                            /** @enum {string} */
                            origin: "automatic" | "curated" | "unaligned";
                            relation: string;
                            review: boolean;
                        }[];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                406: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/names/match": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Match scientific or common names against the database's CITES and CMS names (exact, variant, vernacular, fuzzy, partial), weighing the authors, saying why */
        post: {
            parameters: {
                query?: {
                    /** @description The class the names belong to: a match in another class is marked down and warned about (match only) */
                    class?: string;
                    /** @description The family the names belong to: a match in another family is marked down and warned about (match only) */
                    family?: string;
                    format?: "json" | "csv";
                    /** @description The kingdom the names belong to: a match in another kingdom is marked down and warned about (match only) */
                    kingdom?: string;
                    /** @description The order the names belong to: a match in another order is marked down and warned about (match only) */
                    order?: string;
                    /** @description The phylum the names belong to: a match in another phylum is marked down and warned about (match only) */
                    phylum?: string;
                    /** @description Prefer this taxonomy when a name is in both (match only) */
                    taxonomy?: "CITES" | "CMS";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description A JSON array of up to 10000 name strings (scientific or common names); or a text/csv body (one name a line, or a header with a name or scientificName column) */
            requestBody: {
                content: {
                    "application/json": string[];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accepted_id: number | null;
                            accepted_name: string | null;
                            alternatives: {
                                accepted_id: number | null;
                                accepted_name: string | null;
                                /** @description The day the CITES data are complete to (the newest source of the whole Appendix list: the 2017 Checklist); newer partial sources in GET /api/v1/coverage */
                                cites_as_of: string | null;
                                /** @description The concept this convention's status comes from and how it is linked to the taxon: 'self', or (in the other taxonomy) 'equal', 'included_in' (the taxon is part of it, e.g. a species of a listed family), 'includes', 'overlaps'; null when the taxon has no counterpart in that convention's taxonomy */
                                cites_concept: {
                                    full_name: string;
                                    id: number;
                                    /** @enum {string} */
                                    relation: "self" | "equal" | "included_in" | "includes" | "overlaps";
                                } | null;
                                /** @description Current CITES listing ('I', 'I/II', 'III', 'II/NC' ...) of the taxon, through its CITES counterpart when it is a CMS concept; null when not listed */
                                cites_listing: string | null;
                                /** @description The day the CMS data are complete to (the COP14 amendments in force); newer partial sources in GET /api/v1/coverage */
                                cms_as_of: string | null;
                                /** @description The concept this convention's status comes from and how it is linked to the taxon: 'self', or (in the other taxonomy) 'equal', 'included_in' (the taxon is part of it, e.g. a species of a listed family), 'includes', 'overlaps'; null when the taxon has no counterpart in that convention's taxonomy */
                                cms_concept: {
                                    full_name: string;
                                    id: number;
                                    /** @enum {string} */
                                    relation: "self" | "equal" | "included_in" | "includes" | "overlaps";
                                } | null;
                                cms_instruments: {
                                    code: string;
                                    /** @enum {string} */
                                    kind: "agreement" | "mou";
                                    name: string;
                                    /** @description YYYY-MM-DD, when the source gives it */
                                    since: string | null;
                                }[];
                                /**
                                 * @description Current CMS listing (I, II or I/II) of the taxon, through its CMS counterpart when it is a CITES concept; null when not listed. CMS Agreements and MOUs are in cms_instruments
                                 * @enum {string|null}
                                 */
                                cms_listing: "I" | "II" | "I/II" | null;
                                kingdom: string | null;
                                matched_name: string | null;
                                matched_status: string | null;
                                note: string | null;
                                rank: string | null;
                                taxon_id: number | null;
                                taxonomy: string | null;
                            }[];
                            /** @description Several taxa fit equally well; the alternatives list them */
                            ambiguous: boolean;
                            /** @description Authorship of the input, normalised */
                            authorship: string | null;
                            /**
                             * @description The input's authors and year against the matched name's
                             * @enum {string}
                             */
                            authorship_match: "exact" | "compatible" | "different" | "unknown";
                            /** @description gnverifier's author score: 7 same authors and year … 0 no common author; 1 when either side has none */
                            authorship_score: number;
                            canonical: string | null;
                            /** @description The day the CITES data are complete to (the newest source of the whole Appendix list: the 2017 Checklist); newer partial sources in GET /api/v1/coverage */
                            cites_as_of: string | null;
                            /** @description The concept this convention's status comes from and how it is linked to the taxon: 'self', or (in the other taxonomy) 'equal', 'included_in' (the taxon is part of it, e.g. a species of a listed family), 'includes', 'overlaps'; null when the taxon has no counterpart in that convention's taxonomy */
                            cites_concept: {
                                full_name: string;
                                id: number;
                                /** @enum {string} */
                                relation: "self" | "equal" | "included_in" | "includes" | "overlaps";
                            } | null;
                            /** @description Current CITES listing ('I', 'I/II', 'III', 'II/NC' ...) of the taxon, through its CITES counterpart when it is a CMS concept; null when not listed */
                            cites_listing: string | null;
                            /** @description The day the CMS data are complete to (the COP14 amendments in force); newer partial sources in GET /api/v1/coverage */
                            cms_as_of: string | null;
                            /** @description The concept this convention's status comes from and how it is linked to the taxon: 'self', or (in the other taxonomy) 'equal', 'included_in' (the taxon is part of it, e.g. a species of a listed family), 'includes', 'overlaps'; null when the taxon has no counterpart in that convention's taxonomy */
                            cms_concept: {
                                full_name: string;
                                id: number;
                                /** @enum {string} */
                                relation: "self" | "equal" | "included_in" | "includes" | "overlaps";
                            } | null;
                            cms_instruments: {
                                code: string;
                                /** @enum {string} */
                                kind: "agreement" | "mou";
                                name: string;
                                /** @description YYYY-MM-DD, when the source gives it */
                                since: string | null;
                            }[];
                            /**
                             * @description Current CMS listing (I, II or I/II) of the taxon, through its CMS counterpart when it is a CITES concept; null when not listed. CMS Agreements and MOUs are in cms_instruments
                             * @enum {string|null}
                             */
                            cms_listing: "I" | "II" | "I/II" | null;
                            edit_distance: number;
                            kingdom: string | null;
                            /** @enum {string} */
                            match_type: "EXACT" | "VARIANT" | "VERNACULAR" | "FUZZY" | "PARTIAL" | "AMBIGUOUS" | "NONE";
                            /** @description Authorship of the matched name as the checklist gives it */
                            matched_authorship: string | null;
                            matched_name: string | null;
                            matched_status: string | null;
                            rank: string | null;
                            /** @description Why: the verdict first, then what qualifies it */
                            reasons: {
                                /**
                                 * @description Stable code (the web page translates it)
                                 * @enum {string}
                                 */
                                code: "exact" | "variant" | "fuzzy" | "fuzzy_authors" | "vernacular" | "infraspecific_nearest" | "narrower_name" | "species_only" | "genus_only" | "hybrid_parents" | "ambiguous" | "ambiguous_kingdoms" | "ambiguous_vernacular" | "ambiguous_narrower" | "no_match" | "not_a_name" | "accepted" | "synonym" | "synonym_unresolved" | "also_synonym" | "authors_agree" | "authors_compatible" | "authors_differ" | "years_differ" | "homonym_resolved" | "exact_authors_differ" | "genus_unknown" | "nearest_genus_not_offered" | "fuzzy_genus_and_epithet" | "context_mismatch" | "context_resolved" | "comparison" | "approximate" | "all_species" | "tail_ignored";
                                /** @description Values the text is made of */
                                params: {
                                    [key: string]: string | number;
                                };
                                /** @description The reason in English */
                                text: string;
                            }[];
                            score: number;
                            taxon_id: number | null;
                            taxonomy: string | null;
                            verbatim: string;
                            /** @description The common name matched (match_type VERNACULAR) */
                            vernacular: {
                                languages: string[];
                                name: string;
                            } | null;
                            warnings: string[];
                            /** @description The reasons in English, as one line */
                            why: string;
                        }[];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                406: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description The name engine is busy: retry after the Retry-After header's seconds */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/names/parse": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Parse scientific names (canonical forms, authorship, rank, quality) */
        post: {
            parameters: {
                query?: {
                    /** @description The class the names belong to: a match in another class is marked down and warned about (match only) */
                    class?: string;
                    /** @description The family the names belong to: a match in another family is marked down and warned about (match only) */
                    family?: string;
                    format?: "json" | "csv";
                    /** @description The kingdom the names belong to: a match in another kingdom is marked down and warned about (match only) */
                    kingdom?: string;
                    /** @description The order the names belong to: a match in another order is marked down and warned about (match only) */
                    order?: string;
                    /** @description The phylum the names belong to: a match in another phylum is marked down and warned about (match only) */
                    phylum?: string;
                    /** @description Prefer this taxonomy when a name is in both (match only) */
                    taxonomy?: "CITES" | "CMS";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description A JSON array of up to 10000 name strings (scientific or common names); or a text/csv body (one name a line, or a header with a name or scientificName column) */
            requestBody: {
                content: {
                    "application/json": string[];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            authorship: {
                                authors: string[];
                                normalized: string;
                                verbatim: string;
                                year: string | null;
                            } | null;
                            canonical: {
                                full: string;
                                simple: string;
                                stemmed: string;
                            } | null;
                            cardinality: number;
                            hybrid: string | null;
                            id: string;
                            parsed: boolean;
                            quality: number;
                            rank: string | null;
                            surrogate: string | null;
                            tail: string | null;
                            verbatim: string;
                            warnings: string[];
                        }[];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                406: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description The name engine is busy: retry after the Retry-After header's seconds */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/programmes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Work programmes, newest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            introduction: string | null;
                            period_end: number;
                            period_start: number;
                            /** @enum {string} */
                            status: "draft" | "active" | "closed";
                            title: string;
                            /** Format: date-time */
                            updated_at: string;
                            /** @description Send it back when editing (optimistic locking) */
                            version: number;
                        }[];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/programmes/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A programme: themes with their activities and progress by status, funding */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The period, e.g. 2021-2025 */
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description What the caller may do (the UI hides the rest) */
                            can: {
                                update: boolean;
                            };
                            funding: {
                                activity_code: string | null;
                                amount: number;
                                currency: string;
                                donor: string;
                                purpose: string;
                                year: number | null;
                            }[];
                            programme: {
                                code: string;
                                introduction: string | null;
                                period_end: number;
                                period_start: number;
                                /** @enum {string} */
                                status: "draft" | "active" | "closed";
                                title: string;
                                /** Format: date-time */
                                updated_at: string;
                                /** @description Send it back when editing (optimistic locking) */
                                version: number;
                            };
                            themes: {
                                activities: {
                                    code: string;
                                    heading: string | null;
                                    lead_secretariats: ("CITES" | "CMS")[];
                                    mandates: string[];
                                    /** @enum {string} */
                                    status: "planned" | "ongoing" | "completed" | "discontinued";
                                    text: string;
                                    theme: string;
                                }[];
                                code: string;
                                counts: {
                                    completed: number;
                                    discontinued: number;
                                    ongoing: number;
                                    planned: number;
                                };
                                description: string | null;
                                title: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit a programme (send the version you read) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The period, e.g. 2021-2025 */
                    code: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description CSRF token, when not sent in the X-CSRF-Token header */
                        _csrf?: string;
                        introduction?: string | null;
                        /** @enum {string} */
                        status?: "draft" | "active" | "closed";
                        title?: string;
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            introduction: string | null;
                            period_end: number;
                            period_start: number;
                            /** @enum {string} */
                            status: "draft" | "active" | "closed";
                            title: string;
                            /** Format: date-time */
                            updated_at: string;
                            /** @description Send it back when editing (optimistic locking) */
                            version: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/programmes/{code}/activities/{activity}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An activity: text, mandates, species groups, progress timeline, and what the caller may edit */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Activity code such as A1 or B15 */
                    activity: string;
                    /** @description The period, e.g. 2021-2025 */
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            activity: {
                                code: string;
                                heading: string | null;
                                lead_secretariats: ("CITES" | "CMS")[];
                                mandates: string[];
                                source_line: number | null;
                                /** @enum {string} */
                                status: "planned" | "ongoing" | "completed" | "discontinued";
                                text: string;
                                theme: string;
                                /** Format: date-time */
                                updated_at: string;
                                version: number;
                            };
                            can: {
                                add_progress: boolean;
                                update: boolean;
                            };
                            funding: {
                                activity_code: string | null;
                                amount: number;
                                currency: string;
                                donor: string;
                                purpose: string;
                                year: number | null;
                            }[];
                            programme: {
                                code: string;
                                title: string;
                            };
                            progress: {
                                author_name: string;
                                /** Format: date-time */
                                created_at: string;
                                date: string;
                                id: number;
                                links: {
                                    /** @enum {string} */
                                    kind: "taxon" | "meeting" | "document" | "funding" | "activity";
                                    label: string;
                                    target_id: number | null;
                                    url: string | null;
                                }[];
                                /** @enum {string} */
                                origin: "user" | "import";
                                /** @description The activity this entry was first reported on, when shared */
                                shared_from: string | null;
                                /** @enum {string} */
                                status: "planned" | "ongoing" | "completed" | "discontinued";
                                text: string;
                            }[];
                            species_groups: {
                                name: string;
                                slug: string;
                            }[];
                            theme: {
                                code: string;
                                description: string | null;
                                title: string;
                            };
                        };
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit an activity: text, status, mandates, lead Secretariats (send the version you read; a stale version gets 409) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Activity code such as A1 or B15 */
                    activity: string;
                    /** @description The period, e.g. 2021-2025 */
                    code: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description CSRF token, when not sent in the X-CSRF-Token header */
                        _csrf?: string;
                        lead_secretariats?: ("CITES" | "CMS")[];
                        mandates?: string[];
                        /** @enum {string} */
                        status?: "planned" | "ongoing" | "completed" | "discontinued";
                        text?: string;
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            heading: string | null;
                            lead_secretariats: ("CITES" | "CMS")[];
                            mandates: string[];
                            source_line: number | null;
                            /** @enum {string} */
                            status: "planned" | "ongoing" | "completed" | "discontinued";
                            text: string;
                            theme: string;
                            /** Format: date-time */
                            updated_at: string;
                            version: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/programmes/{code}/activities/{activity}/progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a progress entry to an activity (date not in the future); the activity takes the entry's status */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Activity code such as A1 or B15 */
                    activity: string;
                    /** @description The period, e.g. 2021-2025 */
                    code: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description CSRF token, when not sent in the X-CSRF-Token header */
                        _csrf?: string;
                        /** @description YYYY-MM-DD, not in the future */
                        date: string;
                        links?: {
                            /** @enum {string} */
                            kind: "taxon" | "meeting" | "document" | "funding" | "activity";
                            label: string;
                            target_id?: number | null;
                            url?: string | null;
                        }[];
                        /** @enum {string} */
                        status: "planned" | "ongoing" | "completed" | "discontinued";
                        text: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            author_name: string;
                            /** Format: date-time */
                            created_at: string;
                            date: string;
                            id: number;
                            links: {
                                /** @enum {string} */
                                kind: "taxon" | "meeting" | "document" | "funding" | "activity";
                                label: string;
                                target_id: number | null;
                                url: string | null;
                            }[];
                            /** @enum {string} */
                            origin: "user" | "import";
                            /** @description The activity this entry was first reported on, when shared */
                            shared_from: string | null;
                            /** @enum {string} */
                            status: "planned" | "ongoing" | "completed" | "discontinued";
                            text: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/programmes/{code}/funding": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record funds raised for joint work (optionally for one activity) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The period, e.g. 2021-2025 */
                    code: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description CSRF token, when not sent in the X-CSRF-Token header */
                        _csrf?: string;
                        activity_code?: string | null;
                        amount: number;
                        currency: string;
                        donor: string;
                        purpose: string;
                        year: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            activity_code: string | null;
                            amount: number;
                            currency: string;
                            donor: string;
                            purpose: string;
                            year: number | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/programmes/{code}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Implementation report (Annex-1 style: activity | results, by theme) as HTML, DOCX or CSV */
        get: {
            parameters: {
                query?: {
                    format?: "html" | "docx" | "csv";
                };
                header?: never;
                path: {
                    /** @description The period, e.g. 2021-2025 */
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The report file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document": string;
                        "text/csv": string;
                        "text/html": string;
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/species-groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Shared species of particular attention (Annex 2, theme B) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            name: string;
                            slug: string;
                            taxa: {
                                common_name: string | null;
                                name: string;
                            }[];
                        }[];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/species-groups/{slug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A species group: each taxon's concepts in both taxonomies with their CITES and CMS status, and the activities about it */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    slug: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            activities: {
                                code: string;
                                programme: string;
                                /** @enum {string} */
                                status: "planned" | "ongoing" | "completed" | "discontinued";
                                text: string;
                            }[];
                            group: {
                                description: string | null;
                                name: string;
                                slug: string;
                            };
                            taxa: {
                                common_name: string | null;
                                concepts: {
                                    author_year: string | null;
                                    /** @description The day the CITES data are complete to (the newest source of the whole Appendix list: the 2017 Checklist); newer partial sources in GET /api/v1/coverage */
                                    cites_as_of: string | null;
                                    /** @description The concept this convention's status comes from and how it is linked to the taxon: 'self', or (in the other taxonomy) 'equal', 'included_in' (the taxon is part of it, e.g. a species of a listed family), 'includes', 'overlaps'; null when the taxon has no counterpart in that convention's taxonomy */
                                    cites_concept: {
                                        full_name: string;
                                        id: number;
                                        /** @enum {string} */
                                        relation: "self" | "equal" | "included_in" | "includes" | "overlaps";
                                    } | null;
                                    /** @description Current CITES listing ('I', 'I/II', 'III', 'II/NC' ...) of the taxon, through its CITES counterpart when it is a CMS concept; null when not listed */
                                    cites_listing: string | null;
                                    /** @description The day the CMS data are complete to (the COP14 amendments in force); newer partial sources in GET /api/v1/coverage */
                                    cms_as_of: string | null;
                                    /** @description The concept this convention's status comes from and how it is linked to the taxon: 'self', or (in the other taxonomy) 'equal', 'included_in' (the taxon is part of it, e.g. a species of a listed family), 'includes', 'overlaps'; null when the taxon has no counterpart in that convention's taxonomy */
                                    cms_concept: {
                                        full_name: string;
                                        id: number;
                                        /** @enum {string} */
                                        relation: "self" | "equal" | "included_in" | "includes" | "overlaps";
                                    } | null;
                                    cms_instruments: {
                                        code: string;
                                        /** @enum {string} */
                                        kind: "agreement" | "mou";
                                        name: string;
                                        /** @description YYYY-MM-DD, when the source gives it */
                                        since: string | null;
                                    }[];
                                    /**
                                     * @description Current CMS listing (I, II or I/II) of the taxon, through its CMS counterpart when it is a CITES concept; null when not listed. CMS Agreements and MOUs are in cms_instruments
                                     * @enum {string|null}
                                     */
                                    cms_listing: "I" | "II" | "I/II" | null;
                                    full_name: string;
                                    id: number;
                                    /**
                                     * @description How the group's name found the concept: exactly, or through the stemmed epithet (a gender variant)
                                     * @enum {string}
                                     */
                                    match: "exact" | "stemmed";
                                    name_status: string;
                                    rank: string;
                                    /** @enum {string} */
                                    taxonomy: "CITES" | "CMS";
                                    /** @description The listed higher taxon the group names, when the concept is a listed taxon below it */
                                    under: string | null;
                                }[];
                                name: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/taxa": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search taxon concepts of both conventions */
        get: {
            parameters: {
                query?: {
                    /** @description A CITES Appendix covering the taxon itself (own or inherited listing, in its joined status) */
                    cites_appendix?: "I" | "II" | "III" | "i" | "ii" | "iii";
                    /** @description A CMS Appendix covering the taxon (I includes taxa in I and II) */
                    cms_appendix?: "I" | "II" | "i" | "ii";
                    /** @description A CMS Agreement or MOU covering the taxon (codes of GET /api/v1/cms-instruments) */
                    cms_instrument?: "AEWA" | "EUROBATS" | "ACAP" | "ASCOBANS" | "ACCOBAMS" | "WADDEN_SEA_SEALS" | "GORILLA" | "RAPTORS" | "SHARKS" | "ATLANTIC_TURTLES" | "IOSEA" | "MONK_SEAL" | "DUGONG" | "RUDDY_HEADED_GOOSE" | "SAIGA" | "SIBERIAN_CRANE" | "SLENDER_BILLED_CURLEW" | "WEST_AFRICAN_ELEPHANTS" | "BUKHARA_DEER" | "GREAT_BUSTARD" | "AQUATIC_WARBLER" | "HIGH_ANDEAN_FLAMINGOS" | "GRASSLAND_BIRDS" | "HUEMUL" | "PACIFIC_CETACEANS" | "WEST_AFRICAN_AQUATIC_MAMMALS";
                    /** @description Kingdom, phylum, class, order, family or genus name */
                    higher_taxon?: string;
                    name_status?: "accepted" | "any";
                    page?: number;
                    /** @description At most 500 */
                    per_page?: number;
                    /** @description Name prefix: accepted name, synonym or common name in any language; accents and case ignored */
                    q?: string;
                    /** @description ISO 3166-1 alpha-2 code of a range State */
                    range_state?: string;
                    rank?: "KINGDOM" | "PHYLUM" | "CLASS" | "ORDER" | "FAMILY" | "SUBFAMILY" | "TRIBE" | "GENUS" | "SPECIES" | "SUBSPECIES" | "VARIETY" | "FORM";
                    taxonomy?: "cites" | "cms" | "both";
                    updated_since?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            author_year: string | null;
                            /** @description The day the CITES data are complete to (the newest source of the whole Appendix list: the 2017 Checklist); newer partial sources in GET /api/v1/coverage */
                            cites_as_of: string | null;
                            /** @description The concept this convention's status comes from and how it is linked to the taxon: 'self', or (in the other taxonomy) 'equal', 'included_in' (the taxon is part of it, e.g. a species of a listed family), 'includes', 'overlaps'; null when the taxon has no counterpart in that convention's taxonomy */
                            cites_concept: {
                                full_name: string;
                                id: number;
                                /** @enum {string} */
                                relation: "self" | "equal" | "included_in" | "includes" | "overlaps";
                            } | null;
                            /** @description Current CITES listing ('I', 'I/II', 'III', 'II/NC' ...) of the taxon, through its CITES counterpart when it is a CMS concept; null when not listed */
                            cites_listing: string | null;
                            /** @description The day the CMS data are complete to (the COP14 amendments in force); newer partial sources in GET /api/v1/coverage */
                            cms_as_of: string | null;
                            /** @description The concept this convention's status comes from and how it is linked to the taxon: 'self', or (in the other taxonomy) 'equal', 'included_in' (the taxon is part of it, e.g. a species of a listed family), 'includes', 'overlaps'; null when the taxon has no counterpart in that convention's taxonomy */
                            cms_concept: {
                                full_name: string;
                                id: number;
                                /** @enum {string} */
                                relation: "self" | "equal" | "included_in" | "includes" | "overlaps";
                            } | null;
                            cms_instruments: {
                                code: string;
                                /** @enum {string} */
                                kind: "agreement" | "mou";
                                name: string;
                                /** @description YYYY-MM-DD, when the source gives it */
                                since: string | null;
                            }[];
                            /**
                             * @description Current CMS listing (I, II or I/II) of the taxon, through its CMS counterpart when it is a CITES concept; null when not listed. CMS Agreements and MOUs are in cms_instruments
                             * @enum {string|null}
                             */
                            cms_listing: "I" | "II" | "I/II" | null;
                            full_name: string;
                            higher_taxa: {
                                class: string | null;
                                family: string | null;
                                genus: string | null;
                                kingdom: string | null;
                                order: string | null;
                                phylum: string | null;
                            };
                            id: number;
                            /** @description Which name matched the search */
                            matched: {
                                /** @enum {string} */
                                kind: "accepted" | "synonym" | "common";
                                language: string | null;
                                name: string;
                            } | null;
                            name_status: string;
                            rank: string;
                            speciesplus_id: number | null;
                            /** @enum {string} */
                            taxonomy: "CITES" | "CMS";
                            /** Format: date-time */
                            updated_at: string;
                        }[];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                406: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/taxa/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One taxon concept: names, higher taxa, distributions, status in both conventions, listing history, cross-convention links, sources */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ancestors: {
                                full_name: string;
                                id: number;
                                rank: string;
                            }[];
                            author_year: string | null;
                            /** @description The day the CITES data are complete to (the newest source of the whole Appendix list: the 2017 Checklist); newer partial sources in GET /api/v1/coverage */
                            cites_as_of: string | null;
                            /** @description The concept this convention's status comes from and how it is linked to the taxon: 'self', or (in the other taxonomy) 'equal', 'included_in' (the taxon is part of it, e.g. a species of a listed family), 'includes', 'overlaps'; null when the taxon has no counterpart in that convention's taxonomy */
                            cites_concept: {
                                full_name: string;
                                id: number;
                                /** @enum {string} */
                                relation: "self" | "equal" | "included_in" | "includes" | "overlaps";
                            } | null;
                            /** @description Current CITES listing ('I', 'I/II', 'III', 'II/NC' ...) of the taxon, through its CITES counterpart when it is a CMS concept; null when not listed */
                            cites_listing: string | null;
                            /** @description The day the CMS data are complete to (the COP14 amendments in force); newer partial sources in GET /api/v1/coverage */
                            cms_as_of: string | null;
                            /** @description The concept this convention's status comes from and how it is linked to the taxon: 'self', or (in the other taxonomy) 'equal', 'included_in' (the taxon is part of it, e.g. a species of a listed family), 'includes', 'overlaps'; null when the taxon has no counterpart in that convention's taxonomy */
                            cms_concept: {
                                full_name: string;
                                id: number;
                                /** @enum {string} */
                                relation: "self" | "equal" | "included_in" | "includes" | "overlaps";
                            } | null;
                            cms_instruments: {
                                code: string;
                                /** @enum {string} */
                                kind: "agreement" | "mou";
                                name: string;
                                /** @description YYYY-MM-DD, when the source gives it */
                                since: string | null;
                            }[];
                            /**
                             * @description Current CMS listing (I, II or I/II) of the taxon, through its CMS counterpart when it is a CITES concept; null when not listed. CMS Agreements and MOUs are in cms_instruments
                             * @enum {string|null}
                             */
                            cms_listing: "I" | "II" | "I/II" | null;
                            conservation: {
                                assessed_name: string;
                                category: string;
                                criteria: string | null;
                                population_trend: string | null;
                                provenance: {
                                    import_run_id: number | null;
                                    source_file: string | null;
                                    source_line: number | null;
                                };
                                source: string;
                                year_published: number | null;
                            }[];
                            distributions: {
                                /** @description false for a former country (Sudan before 2011, the Soviet Union) */
                                is_current: boolean;
                                iso2: string;
                                name: string;
                                provenance: {
                                    import_run_id: number | null;
                                    source_file: string | null;
                                    source_line: number | null;
                                };
                                /** @description The sources' references for this range State */
                                references: string[];
                                /** @description Empty: native. INTRODUCED, INTRODUCED (?), REINTRODUCED, EXTINCT, EXTINCT (?), DISTRIBUTION UNCERTAIN */
                                tags: string[];
                                /** @description COUNTRY, TERRITORY, or REGION (places that are not countries: CITES regions, the sea, unknown) */
                                type: string;
                            }[];
                            full_name: string;
                            higher_taxa: {
                                class: string | null;
                                family: string | null;
                                genus: string | null;
                                kingdom: string | null;
                                order: string | null;
                                phylum: string | null;
                            };
                            id: number;
                            /** @description The import runs every fact above came from */
                            import_runs: {
                                file: string;
                                finished_at: string | null;
                                id: number;
                                source: string;
                                started_at: string;
                                status: string;
                            }[];
                            legacy_id: string | null;
                            links: {
                                basis: string;
                                comment: string | null;
                                confidence: number;
                                /** @description Free-form: what the matcher found (the names that met, spellings, candidates), as the link stores it */
                                evidence: {
                                    [key: string]: unknown;
                                } | null;
                                id: number;
                                origin: string;
                                other: {
                                    full_name: string;
                                    id: number;
                                    rank: string;
                                    /** @enum {string} */
                                    taxonomy: "CITES" | "CMS";
                                };
                                relation: string;
                                review: boolean;
                                updated_at: string;
                            }[];
                            listing_history: {
                                annotation: {
                                    en: string | null;
                                    es: string | null;
                                    fr: string | null;
                                    hash_symbol: string | null;
                                    hash_text: string | null;
                                };
                                appendix: string;
                                change_type: string;
                                /** @enum {string} */
                                convention: "CITES" | "CMS";
                                effective_at: string | null;
                                event: string | null;
                                id: number;
                                inclusion_taxon_concept_id: number | null;
                                is_current: boolean;
                                /** @description Other sources that state the same change (stored once) */
                                other_sources: {
                                    import_run_id: number | null;
                                    source_file: string | null;
                                    source_line: number | null;
                                }[];
                                party: string | null;
                                populations_excluded: string[];
                                populations_included: string[];
                                provenance: {
                                    import_run_id: number | null;
                                    source_file: string | null;
                                    source_line: number | null;
                                };
                            }[];
                            /** @description The periods the taxon was listed in each appendix by its own listing changes (an App III listing per Party), by the listing engine's rules; to null: still listed */
                            listing_periods: {
                                appendix: string;
                                /** @enum {string} */
                                convention: "CITES" | "CMS";
                                from: string;
                                party: string | null;
                                to: string | null;
                            }[];
                            /** @description Which name matched the search */
                            matched?: {
                                /** @enum {string} */
                                kind: "accepted" | "synonym" | "common";
                                language: string | null;
                                name: string;
                            } | null;
                            name_status: string;
                            names: {
                                accepted: {
                                    author_year: string | null;
                                    full_name: string;
                                };
                                /** @description For a synonym: the accepted concepts it stands for */
                                accepted_names: {
                                    author_year: string | null;
                                    full_name: string;
                                    id: number;
                                    rank: string;
                                }[];
                                /** @description By ISO 639-1 language */
                                common_names: {
                                    [key: string]: {
                                        name: string;
                                        provenance: {
                                            import_run_id: number | null;
                                            source_file: string | null;
                                            source_line: number | null;
                                        };
                                    }[];
                                };
                                synonyms: {
                                    author_year: string | null;
                                    full_name: string;
                                    id: number;
                                    name_status: string;
                                    provenance: {
                                        import_run_id: number | null;
                                        source_file: string | null;
                                        source_line: number | null;
                                    };
                                    rank: string;
                                }[];
                            };
                            provenance: {
                                import_run_id: number | null;
                                source_file: string | null;
                                source_line: number | null;
                            };
                            rank: string;
                            references: {
                                citation: string;
                                is_standard: boolean;
                                provenance: {
                                    import_run_id: number | null;
                                    source_file: string | null;
                                    source_line: number | null;
                                };
                                speciesplus_id: number | null;
                            }[];
                            speciesplus_id: number | null;
                            status: {
                                CITES: {
                                    appendices: string[];
                                    /**
                                     * @description How the status was derived
                                     * @enum {string}
                                     */
                                    basis: "listing-engine" | "source-current-listings" | "listing-history";
                                    /** @description The concept this convention's status comes from and how it is linked to the taxon: 'self', or (in the other taxonomy) 'equal', 'included_in' (the taxon is part of it, e.g. a species of a listed family), 'includes', 'overlaps'; null when the taxon has no counterpart in that convention's taxonomy */
                                    concept: {
                                        full_name: string;
                                        id: number;
                                        /** @enum {string} */
                                        relation: "self" | "equal" | "included_in" | "includes" | "overlaps";
                                    } | null;
                                    listed: boolean;
                                    listing: string | null;
                                    reasons: {
                                        appendices?: string[];
                                        appendix?: string;
                                        /** @description The listing change it stands on */
                                        change_id?: number | string;
                                        /**
                                         * @deprecated
                                         * @description Deprecated alias of change_id
                                         */
                                        changeId?: number | string;
                                        concept?: {
                                            full_name: string;
                                            id: number;
                                        };
                                        /** @description YYYY-MM-DD */
                                        effective_at?: string | null;
                                        /**
                                         * @deprecated
                                         * @description Deprecated alias of effective_at
                                         */
                                        effectiveAt?: string | null;
                                        en?: string | null;
                                        es?: string | null;
                                        /** @description population: ISO codes of the populations not listed */
                                        excluded?: string[];
                                        fr?: string | null;
                                        /** @description inherited, excluded: the higher taxon whose listing it is */
                                        from?: {
                                            id?: number;
                                            name: string;
                                            rank?: string;
                                        } | null;
                                        hash_annotation?: string | null;
                                        hash_symbol?: string | null;
                                        /**
                                         * @deprecated
                                         * @description Deprecated alias of hash_annotation
                                         */
                                        hashAnnotation?: string | null;
                                        /**
                                         * @deprecated
                                         * @description Deprecated alias of hash_symbol
                                         */
                                        hashSymbol?: string | null;
                                        /** @description population: ISO codes of the only populations listed */
                                        included?: string[];
                                        /** @enum {string} */
                                        kind: "own" | "inherited" | "population" | "reservation" | "app3" | "annotation" | "deletion" | "not_in_force" | "excluded" | "descendants" | "via";
                                        /** @description reservation, app3, deletion: ISO code of the Party */
                                        party?: string | null;
                                        /**
                                         * @description via: how the concept the status comes from relates to the taxon
                                         * @enum {string}
                                         */
                                        relation?: "equal" | "included_in" | "includes" | "overlaps";
                                        /** @description not_in_force: the day the convention entered into force */
                                        since?: string;
                                        /** @description The reason in English */
                                        text: string;
                                    }[];
                                };
                                CMS: {
                                    appendices: string[];
                                    /**
                                     * @description How the status was derived
                                     * @enum {string}
                                     */
                                    basis: "listing-engine" | "source-current-listings" | "listing-history";
                                    /** @description The concept this convention's status comes from and how it is linked to the taxon: 'self', or (in the other taxonomy) 'equal', 'included_in' (the taxon is part of it, e.g. a species of a listed family), 'includes', 'overlaps'; null when the taxon has no counterpart in that convention's taxonomy */
                                    concept: {
                                        full_name: string;
                                        id: number;
                                        /** @enum {string} */
                                        relation: "self" | "equal" | "included_in" | "includes" | "overlaps";
                                    } | null;
                                    listed: boolean;
                                    listing: string | null;
                                    reasons: {
                                        appendices?: string[];
                                        appendix?: string;
                                        /** @description The listing change it stands on */
                                        change_id?: number | string;
                                        /**
                                         * @deprecated
                                         * @description Deprecated alias of change_id
                                         */
                                        changeId?: number | string;
                                        concept?: {
                                            full_name: string;
                                            id: number;
                                        };
                                        /** @description YYYY-MM-DD */
                                        effective_at?: string | null;
                                        /**
                                         * @deprecated
                                         * @description Deprecated alias of effective_at
                                         */
                                        effectiveAt?: string | null;
                                        en?: string | null;
                                        es?: string | null;
                                        /** @description population: ISO codes of the populations not listed */
                                        excluded?: string[];
                                        fr?: string | null;
                                        /** @description inherited, excluded: the higher taxon whose listing it is */
                                        from?: {
                                            id?: number;
                                            name: string;
                                            rank?: string;
                                        } | null;
                                        hash_annotation?: string | null;
                                        hash_symbol?: string | null;
                                        /**
                                         * @deprecated
                                         * @description Deprecated alias of hash_annotation
                                         */
                                        hashAnnotation?: string | null;
                                        /**
                                         * @deprecated
                                         * @description Deprecated alias of hash_symbol
                                         */
                                        hashSymbol?: string | null;
                                        /** @description population: ISO codes of the only populations listed */
                                        included?: string[];
                                        /** @enum {string} */
                                        kind: "own" | "inherited" | "population" | "reservation" | "app3" | "annotation" | "deletion" | "not_in_force" | "excluded" | "descendants" | "via";
                                        /** @description reservation, app3, deletion: ISO code of the Party */
                                        party?: string | null;
                                        /**
                                         * @description via: how the concept the status comes from relates to the taxon
                                         * @enum {string}
                                         */
                                        relation?: "equal" | "included_in" | "includes" | "overlaps";
                                        /** @description not_in_force: the day the convention entered into force */
                                        since?: string;
                                        /** @description The reason in English */
                                        text: string;
                                    }[];
                                };
                            };
                            /** @enum {string} */
                            taxonomy: "CITES" | "CMS";
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                406: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/taxa/{id}/listing-changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a listing change by hand (CITES Secretariat for CITES taxa, CMS Secretariat for CMS taxa); never overwritten by an import; the status follows at once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        _csrf?: string;
                        annotation?: {
                            en?: string | null;
                            es?: string | null;
                            fr?: string | null;
                        };
                        /** @enum {string} */
                        appendix: "I" | "II" | "III";
                        /** @enum {string} */
                        change_type: "ADDITION" | "DELETION" | "RESERVATION" | "RESERVATION_WITHDRAWAL" | "EXCEPTION";
                        /** @enum {string} */
                        convention: "CITES" | "CMS";
                        effective_at: string;
                        party?: string | null;
                        populations_excluded?: string[];
                        populations_included?: string[];
                        /** @description The document that decides it, e.g. "CoP19 Prop. 37" or "UNEP/CMS/COP14/Doc.31.4" */
                        source_document: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            appendix: string;
                            change_type: string;
                            /** @description Current CITES listing ('I', 'I/II', 'III', 'II/NC' ...) of the taxon, through its CITES counterpart when it is a CMS concept; null when not listed */
                            cites_listing: string | null;
                            /**
                             * @description Current CMS listing (I, II or I/II) of the taxon, through its CMS counterpart when it is a CITES concept; null when not listed. CMS Agreements and MOUs are in cms_instruments
                             * @enum {string|null}
                             */
                            cms_listing: "I" | "II" | "I/II" | null;
                            convention: string;
                            effective_at: string;
                            id: number;
                            status: {
                                CITES: {
                                    appendices: string[];
                                    /**
                                     * @description How the status was derived
                                     * @enum {string}
                                     */
                                    basis: "listing-engine" | "source-current-listings" | "listing-history";
                                    /** @description The concept this convention's status comes from and how it is linked to the taxon: 'self', or (in the other taxonomy) 'equal', 'included_in' (the taxon is part of it, e.g. a species of a listed family), 'includes', 'overlaps'; null when the taxon has no counterpart in that convention's taxonomy */
                                    concept: {
                                        full_name: string;
                                        id: number;
                                        /** @enum {string} */
                                        relation: "self" | "equal" | "included_in" | "includes" | "overlaps";
                                    } | null;
                                    listed: boolean;
                                    listing: string | null;
                                    reasons: {
                                        appendices?: string[];
                                        appendix?: string;
                                        /** @description The listing change it stands on */
                                        change_id?: number | string;
                                        /**
                                         * @deprecated
                                         * @description Deprecated alias of change_id
                                         */
                                        changeId?: number | string;
                                        concept?: {
                                            full_name: string;
                                            id: number;
                                        };
                                        /** @description YYYY-MM-DD */
                                        effective_at?: string | null;
                                        /**
                                         * @deprecated
                                         * @description Deprecated alias of effective_at
                                         */
                                        effectiveAt?: string | null;
                                        en?: string | null;
                                        es?: string | null;
                                        /** @description population: ISO codes of the populations not listed */
                                        excluded?: string[];
                                        fr?: string | null;
                                        /** @description inherited, excluded: the higher taxon whose listing it is */
                                        from?: {
                                            id?: number;
                                            name: string;
                                            rank?: string;
                                        } | null;
                                        hash_annotation?: string | null;
                                        hash_symbol?: string | null;
                                        /**
                                         * @deprecated
                                         * @description Deprecated alias of hash_annotation
                                         */
                                        hashAnnotation?: string | null;
                                        /**
                                         * @deprecated
                                         * @description Deprecated alias of hash_symbol
                                         */
                                        hashSymbol?: string | null;
                                        /** @description population: ISO codes of the only populations listed */
                                        included?: string[];
                                        /** @enum {string} */
                                        kind: "own" | "inherited" | "population" | "reservation" | "app3" | "annotation" | "deletion" | "not_in_force" | "excluded" | "descendants" | "via";
                                        /** @description reservation, app3, deletion: ISO code of the Party */
                                        party?: string | null;
                                        /**
                                         * @description via: how the concept the status comes from relates to the taxon
                                         * @enum {string}
                                         */
                                        relation?: "equal" | "included_in" | "includes" | "overlaps";
                                        /** @description not_in_force: the day the convention entered into force */
                                        since?: string;
                                        /** @description The reason in English */
                                        text: string;
                                    }[];
                                };
                                CMS: {
                                    appendices: string[];
                                    /**
                                     * @description How the status was derived
                                     * @enum {string}
                                     */
                                    basis: "listing-engine" | "source-current-listings" | "listing-history";
                                    /** @description The concept this convention's status comes from and how it is linked to the taxon: 'self', or (in the other taxonomy) 'equal', 'included_in' (the taxon is part of it, e.g. a species of a listed family), 'includes', 'overlaps'; null when the taxon has no counterpart in that convention's taxonomy */
                                    concept: {
                                        full_name: string;
                                        id: number;
                                        /** @enum {string} */
                                        relation: "self" | "equal" | "included_in" | "includes" | "overlaps";
                                    } | null;
                                    listed: boolean;
                                    listing: string | null;
                                    reasons: {
                                        appendices?: string[];
                                        appendix?: string;
                                        /** @description The listing change it stands on */
                                        change_id?: number | string;
                                        /**
                                         * @deprecated
                                         * @description Deprecated alias of change_id
                                         */
                                        changeId?: number | string;
                                        concept?: {
                                            full_name: string;
                                            id: number;
                                        };
                                        /** @description YYYY-MM-DD */
                                        effective_at?: string | null;
                                        /**
                                         * @deprecated
                                         * @description Deprecated alias of effective_at
                                         */
                                        effectiveAt?: string | null;
                                        en?: string | null;
                                        es?: string | null;
                                        /** @description population: ISO codes of the populations not listed */
                                        excluded?: string[];
                                        fr?: string | null;
                                        /** @description inherited, excluded: the higher taxon whose listing it is */
                                        from?: {
                                            id?: number;
                                            name: string;
                                            rank?: string;
                                        } | null;
                                        hash_annotation?: string | null;
                                        hash_symbol?: string | null;
                                        /**
                                         * @deprecated
                                         * @description Deprecated alias of hash_annotation
                                         */
                                        hashAnnotation?: string | null;
                                        /**
                                         * @deprecated
                                         * @description Deprecated alias of hash_symbol
                                         */
                                        hashSymbol?: string | null;
                                        /** @description population: ISO codes of the only populations listed */
                                        included?: string[];
                                        /** @enum {string} */
                                        kind: "own" | "inherited" | "population" | "reservation" | "app3" | "annotation" | "deletion" | "not_in_force" | "excluded" | "descendants" | "via";
                                        /** @description reservation, app3, deletion: ISO code of the Party */
                                        party?: string | null;
                                        /**
                                         * @description via: how the concept the status comes from relates to the taxon
                                         * @enum {string}
                                         */
                                        relation?: "equal" | "included_in" | "includes" | "overlaps";
                                        /** @description not_in_force: the day the convention entered into force */
                                        since?: string;
                                        /** @description The reason in English */
                                        text: string;
                                    }[];
                                };
                            };
                            taxon_concept_id: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/taxa/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Status of a taxon concept in both conventions on a date */
        get: {
            parameters: {
                query: {
                    /** @description YYYY-MM-DD */
                    on: string;
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            CITES: {
                                appendices: string[];
                                /**
                                 * @description How the status was derived
                                 * @enum {string}
                                 */
                                basis: "listing-engine" | "source-current-listings" | "listing-history";
                                /** @description The concept this convention's status comes from and how it is linked to the taxon: 'self', or (in the other taxonomy) 'equal', 'included_in' (the taxon is part of it, e.g. a species of a listed family), 'includes', 'overlaps'; null when the taxon has no counterpart in that convention's taxonomy */
                                concept: {
                                    full_name: string;
                                    id: number;
                                    /** @enum {string} */
                                    relation: "self" | "equal" | "included_in" | "includes" | "overlaps";
                                } | null;
                                listed: boolean;
                                listing: string | null;
                                reasons: {
                                    appendices?: string[];
                                    appendix?: string;
                                    /** @description The listing change it stands on */
                                    change_id?: number | string;
                                    /**
                                     * @deprecated
                                     * @description Deprecated alias of change_id
                                     */
                                    changeId?: number | string;
                                    concept?: {
                                        full_name: string;
                                        id: number;
                                    };
                                    /** @description YYYY-MM-DD */
                                    effective_at?: string | null;
                                    /**
                                     * @deprecated
                                     * @description Deprecated alias of effective_at
                                     */
                                    effectiveAt?: string | null;
                                    en?: string | null;
                                    es?: string | null;
                                    /** @description population: ISO codes of the populations not listed */
                                    excluded?: string[];
                                    fr?: string | null;
                                    /** @description inherited, excluded: the higher taxon whose listing it is */
                                    from?: {
                                        id?: number;
                                        name: string;
                                        rank?: string;
                                    } | null;
                                    hash_annotation?: string | null;
                                    hash_symbol?: string | null;
                                    /**
                                     * @deprecated
                                     * @description Deprecated alias of hash_annotation
                                     */
                                    hashAnnotation?: string | null;
                                    /**
                                     * @deprecated
                                     * @description Deprecated alias of hash_symbol
                                     */
                                    hashSymbol?: string | null;
                                    /** @description population: ISO codes of the only populations listed */
                                    included?: string[];
                                    /** @enum {string} */
                                    kind: "own" | "inherited" | "population" | "reservation" | "app3" | "annotation" | "deletion" | "not_in_force" | "excluded" | "descendants" | "via";
                                    /** @description reservation, app3, deletion: ISO code of the Party */
                                    party?: string | null;
                                    /**
                                     * @description via: how the concept the status comes from relates to the taxon
                                     * @enum {string}
                                     */
                                    relation?: "equal" | "included_in" | "includes" | "overlaps";
                                    /** @description not_in_force: the day the convention entered into force */
                                    since?: string;
                                    /** @description The reason in English */
                                    text: string;
                                }[];
                            };
                            /** @description The day the CITES data are complete to (the newest source of the whole Appendix list: the 2017 Checklist); newer partial sources in GET /api/v1/coverage */
                            cites_as_of: string | null;
                            CMS: {
                                appendices: string[];
                                /**
                                 * @description How the status was derived
                                 * @enum {string}
                                 */
                                basis: "listing-engine" | "source-current-listings" | "listing-history";
                                /** @description The concept this convention's status comes from and how it is linked to the taxon: 'self', or (in the other taxonomy) 'equal', 'included_in' (the taxon is part of it, e.g. a species of a listed family), 'includes', 'overlaps'; null when the taxon has no counterpart in that convention's taxonomy */
                                concept: {
                                    full_name: string;
                                    id: number;
                                    /** @enum {string} */
                                    relation: "self" | "equal" | "included_in" | "includes" | "overlaps";
                                } | null;
                                listed: boolean;
                                listing: string | null;
                                reasons: {
                                    appendices?: string[];
                                    appendix?: string;
                                    /** @description The listing change it stands on */
                                    change_id?: number | string;
                                    /**
                                     * @deprecated
                                     * @description Deprecated alias of change_id
                                     */
                                    changeId?: number | string;
                                    concept?: {
                                        full_name: string;
                                        id: number;
                                    };
                                    /** @description YYYY-MM-DD */
                                    effective_at?: string | null;
                                    /**
                                     * @deprecated
                                     * @description Deprecated alias of effective_at
                                     */
                                    effectiveAt?: string | null;
                                    en?: string | null;
                                    es?: string | null;
                                    /** @description population: ISO codes of the populations not listed */
                                    excluded?: string[];
                                    fr?: string | null;
                                    /** @description inherited, excluded: the higher taxon whose listing it is */
                                    from?: {
                                        id?: number;
                                        name: string;
                                        rank?: string;
                                    } | null;
                                    hash_annotation?: string | null;
                                    hash_symbol?: string | null;
                                    /**
                                     * @deprecated
                                     * @description Deprecated alias of hash_annotation
                                     */
                                    hashAnnotation?: string | null;
                                    /**
                                     * @deprecated
                                     * @description Deprecated alias of hash_symbol
                                     */
                                    hashSymbol?: string | null;
                                    /** @description population: ISO codes of the only populations listed */
                                    included?: string[];
                                    /** @enum {string} */
                                    kind: "own" | "inherited" | "population" | "reservation" | "app3" | "annotation" | "deletion" | "not_in_force" | "excluded" | "descendants" | "via";
                                    /** @description reservation, app3, deletion: ISO code of the Party */
                                    party?: string | null;
                                    /**
                                     * @description via: how the concept the status comes from relates to the taxon
                                     * @enum {string}
                                     */
                                    relation?: "equal" | "included_in" | "includes" | "overlaps";
                                    /** @description not_in_force: the day the convention entered into force */
                                    since?: string;
                                    /** @description The reason in English */
                                    text: string;
                                }[];
                            };
                            /** @description The day the CMS data are complete to (the COP14 amendments in force); newer partial sources in GET /api/v1/coverage */
                            cms_as_of: string | null;
                            full_name: string;
                            id: number;
                            /** Format: date */
                            on: string;
                            /** @enum {string} */
                            taxonomy: "CITES" | "CMS";
                        };
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                406: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/exports/checklist.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Accepted taxa of one convention in the CITES Checklist CSV layout (UTF-8 with BOM) */
        get: {
            parameters: {
                query?: {
                    convention?: "cites" | "cms" | "CITES" | "CMS";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description CSV */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                406: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/exports/dwca.zip": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Darwin Core Archive: Taxon core, VernacularName and Distribution extensions, meta.xml, eml.xml */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description ZIP */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/zip": string;
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/zip": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/zip": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                406: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/zip": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/zip": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/zip": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/exports/ndjson": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every taxon concept of both conventions, one JSON document a line (streamed) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description NDJSON */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/x-ndjson": string;
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/x-ndjson": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/x-ndjson": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                406: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/x-ndjson": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/x-ndjson": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/x-ndjson": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Is the service up and the database reachable? */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            counts?: {
                                cites_taxon_concepts: number;
                                /**
                                 * @deprecated
                                 * @description Deprecated alias of cites_taxon_concepts
                                 */
                                citesTaxonConcepts: number;
                                cms_taxon_concepts: number;
                                /**
                                 * @deprecated
                                 * @description Deprecated alias of cms_taxon_concepts
                                 */
                                cmsTaxonConcepts: number;
                                distributions: number;
                                geo_entities: number;
                                /**
                                 * @deprecated
                                 * @description Deprecated alias of geo_entities
                                 */
                                geoEntities: number;
                                listing_changes: number;
                                /**
                                 * @deprecated
                                 * @description Deprecated alias of listing_changes
                                 */
                                listingChanges: number;
                            };
                            /** @description When the newest successful import finished (ISO 8601). */
                            data_version: string | null;
                            database: {
                                /** @enum {string} */
                                kind: "pglite" | "postgres";
                                reachable: boolean;
                            };
                            /**
                             * @deprecated
                             * @description Deprecated alias of data_version
                             */
                            dataVersion: string | null;
                            /** @description Why the seed failed */
                            error?: string;
                            /** @description While seeding: steps done of the seed plan, and the current one */
                            progress?: {
                                done: number;
                                step: string | null;
                                total: number;
                            };
                            /**
                             * @description 'seeding' while a first start loads the reference data (the server listens meanwhile)
                             * @enum {string}
                             */
                            status: "ok" | "unavailable" | "seeding" | "seed failed";
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            counts?: {
                                cites_taxon_concepts: number;
                                /**
                                 * @deprecated
                                 * @description Deprecated alias of cites_taxon_concepts
                                 */
                                citesTaxonConcepts: number;
                                cms_taxon_concepts: number;
                                /**
                                 * @deprecated
                                 * @description Deprecated alias of cms_taxon_concepts
                                 */
                                cmsTaxonConcepts: number;
                                distributions: number;
                                geo_entities: number;
                                /**
                                 * @deprecated
                                 * @description Deprecated alias of geo_entities
                                 */
                                geoEntities: number;
                                listing_changes: number;
                                /**
                                 * @deprecated
                                 * @description Deprecated alias of listing_changes
                                 */
                                listingChanges: number;
                            };
                            /** @description When the newest successful import finished (ISO 8601). */
                            data_version: string | null;
                            database: {
                                /** @enum {string} */
                                kind: "pglite" | "postgres";
                                reachable: boolean;
                            };
                            /**
                             * @deprecated
                             * @description Deprecated alias of data_version
                             */
                            dataVersion: string | null;
                            /** @description Why the seed failed */
                            error?: string;
                            /** @description While seeding: steps done of the seed plan, and the current one */
                            progress?: {
                                done: number;
                                step: string | null;
                                total: number;
                            };
                            /**
                             * @description 'seeding' while a first start loads the reference data (the server listens meanwhile)
                             * @enum {string}
                             */
                            status: "ok" | "unavailable" | "seeding" | "seed failed";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Is the process up? (liveness: restart it when this fails) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Why the server takes no traffic: the database unreachable, migrations not applied, seeding, shutting down */
                            reason?: string;
                            /** @enum {string} */
                            status: "live" | "ready" | "not ready";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Should this server take traffic? (readiness: 503 while the database is unreachable, migrations are missing, a first seed runs or it shuts down) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Why the server takes no traffic: the database unreachable, migrations not applied, seeding, shutting down */
                            reason?: string;
                            /** @enum {string} */
                            status: "live" | "ready" | "not ready";
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Why the server takes no traffic: the database unreachable, migrations not applied, seeding, shutting down */
                            reason?: string;
                            /** @enum {string} */
                            status: "live" | "ready" | "not ready";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md */
        Problem: {
            detail?: string;
            instance?: string;
            /** @description The offending parameter or field */
            parameter?: string;
            /** @description Seconds to wait before retrying */
            retry_after?: number;
            status: number;
            title: string;
            /** @enum {string} */
            type: "https://concord.example/problems/bad-request" | "https://concord.example/problems/unauthorized" | "https://concord.example/problems/forbidden" | "https://concord.example/problems/not-found" | "https://concord.example/problems/not-acceptable" | "https://concord.example/problems/conflict" | "https://concord.example/problems/payload-too-large" | "https://concord.example/problems/unsupported-media-type" | "https://concord.example/problems/too-many-requests" | "https://concord.example/problems/internal" | "https://concord.example/problems/unavailable";
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
