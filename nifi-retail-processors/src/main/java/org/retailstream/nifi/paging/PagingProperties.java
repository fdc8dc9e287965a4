/*
 * Copyright 2026 The retail-stream authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package org.retailstream.nifi.paging;

import com.fasterxml.jackson.core.JsonPointer;
import java.util.List;
import org.apache.nifi.components.PropertyDescriptor;
import org.apache.nifi.components.ValidationResult;
import org.apache.nifi.components.Validator;
import org.apache.nifi.processor.ProcessContext;
import org.apache.nifi.processor.util.StandardValidators;

/** The pagination properties of a polling processor and how they become {@link PagingSettings}. */
public final class PagingProperties {

    /** Accepts JSON Pointers such as {@code /items} or {@code /meta/next} (RFC 6901). */
    public static final Validator JSON_POINTER_VALIDATOR = (subject, input, context) -> {
        try {
            JsonPointer.compile(input);
            return new ValidationResult.Builder()
                    .subject(subject)
                    .input(input)
                    .valid(true)
                    .build();
        } catch (IllegalArgumentException e) {
            return new ValidationResult.Builder()
                    .subject(subject)
                    .input(input)
                    .valid(false)
                    .explanation("'" + input + "' is not a JSON Pointer (it must start with '/', e.g. /items)")
                    .build();
        }
    };

    public static final PropertyDescriptor STRATEGY = new PropertyDescriptor.Builder()
            .name("Pagination Strategy")
            .description("How the API splits a long result into pages. Paging also stops on an empty page, at"
                    + " Maximum Pages, and when a next page repeats one already fetched.")
            .required(true)
            .allowableValues(PaginationStrategy.class)
            .defaultValue(PaginationStrategy.NONE)
            .build();

    public static final PropertyDescriptor NEXT_LINK_PATH = new PropertyDescriptor.Builder()
            .name("Next Link Path")
            .description("JSON Pointer to the next page's URL in the response (absolute or relative).")
            .required(true)
            .defaultValue("/next")
            .addValidator(JSON_POINTER_VALIDATOR)
            .dependsOn(STRATEGY, PaginationStrategy.NEXT_LINK_IN_BODY)
            .build();

    public static final PropertyDescriptor CURSOR_PATH = new PropertyDescriptor.Builder()
            .name("Cursor Path")
            .description("JSON Pointer to the next cursor in the response; paging stops when it is absent or empty.")
            .required(true)
            .defaultValue("/next_cursor")
            .addValidator(JSON_POINTER_VALIDATOR)
            .dependsOn(STRATEGY, PaginationStrategy.CURSOR)
            .build();

    public static final PropertyDescriptor CURSOR_PARAMETER = parameter(
            "Cursor Parameter", "cursor", "Query parameter that sends the cursor back.", PaginationStrategy.CURSOR);

    public static final PropertyDescriptor PAGE_PARAMETER = parameter(
            "Page Parameter", "page", "Query parameter holding the page number.", PaginationStrategy.PAGE_NUMBER);

    public static final PropertyDescriptor FIRST_PAGE = new PropertyDescriptor.Builder()
            .name("First Page Number")
            .description("Number of the first page (0 or 1 for most APIs).")
            .required(true)
            .defaultValue("1")
            .addValidator(StandardValidators.NON_NEGATIVE_INTEGER_VALIDATOR)
            .dependsOn(STRATEGY, PaginationStrategy.PAGE_NUMBER)
            .build();

    public static final PropertyDescriptor OFFSET_PARAMETER = parameter(
            "Offset Parameter",
            "offset",
            "Query parameter holding the number of items to skip.",
            PaginationStrategy.OFFSET);

    public static final PropertyDescriptor LIMIT_PARAMETER =
            parameter("Limit Parameter", "limit", "Query parameter holding the page size.", PaginationStrategy.OFFSET);

    public static final PropertyDescriptor PAGE_SIZE = new PropertyDescriptor.Builder()
            .name("Page Size")
            .description("Items asked for per page.")
            .required(true)
            .defaultValue("100")
            .addValidator(StandardValidators.POSITIVE_INTEGER_VALIDATOR)
            .dependsOn(STRATEGY, PaginationStrategy.OFFSET)
            .build();

    public static final PropertyDescriptor MAX_PAGES = new PropertyDescriptor.Builder()
            .name("Maximum Pages")
            .description("Most pages fetched per endpoint and poll; a guard against endless paging.")
            .required(true)
            .defaultValue("100")
            .addValidator(StandardValidators.POSITIVE_INTEGER_VALIDATOR)
            .dependsOn(
                    STRATEGY,
                    PaginationStrategy.NEXT_LINK_IN_BODY,
                    PaginationStrategy.LINK_HEADER,
                    PaginationStrategy.PAGE_NUMBER,
                    PaginationStrategy.OFFSET,
                    PaginationStrategy.CURSOR)
            .build();

    public static final List<PropertyDescriptor> ALL = List.of(
            STRATEGY,
            NEXT_LINK_PATH,
            CURSOR_PATH,
            CURSOR_PARAMETER,
            PAGE_PARAMETER,
            FIRST_PAGE,
            OFFSET_PARAMETER,
            LIMIT_PARAMETER,
            PAGE_SIZE,
            MAX_PAGES);

    private PagingProperties() {}

    public static PagingSettings settings(ProcessContext context) {
        return new PagingSettings(
                context.getProperty(STRATEGY).asAllowableValue(PaginationStrategy.class),
                context.getProperty(NEXT_LINK_PATH).getValue(),
                context.getProperty(CURSOR_PATH).getValue(),
                context.getProperty(CURSOR_PARAMETER).getValue(),
                context.getProperty(PAGE_PARAMETER).getValue(),
                context.getProperty(FIRST_PAGE).asLong(),
                context.getProperty(OFFSET_PARAMETER).getValue(),
                context.getProperty(LIMIT_PARAMETER).getValue(),
                context.getProperty(PAGE_SIZE).asInteger(),
                context.getProperty(MAX_PAGES).asInteger());
    }

    private static PropertyDescriptor parameter(
            String name, String defaultValue, String description, PaginationStrategy strategy) {
        return new PropertyDescriptor.Builder()
                .name(name)
                .description(description)
                .required(true)
                .defaultValue(defaultValue)
                .addValidator(StandardValidators.NON_BLANK_VALIDATOR)
                .dependsOn(STRATEGY, strategy)
                .build();
    }
}
