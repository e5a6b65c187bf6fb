/** CRM tasks that rules create for a person, the way a Salesforce workflow rule would. */
package io.linktrack.tasks;
