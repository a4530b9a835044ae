package sfclient_test

import (
	"fmt"

	"leaddesk/sfclient"
)

func ExampleIsSalesforceHost() {
	for _, host := range []string{"login.salesforce.com", "mazo--uat.sandbox.my.salesforce.com", "mazo.lightning.force.com", "login.salesforce.com.example"} {
		fmt.Println(host, sfclient.IsSalesforceHost(host))
	}
	// Output:
	// login.salesforce.com true
	// mazo--uat.sandbox.my.salesforce.com true
	// mazo.lightning.force.com true
	// login.salesforce.com.example false
}

func ExampleMaskSensitive() {
	fmt.Println(sfclient.MaskSensitive("SSN1__c: value 123.45.6789 too long; Birthday1__c: Jan 5, 1980 is not valid"))
	// Output: SSN1__c: value ***-**-**** too long; Birthday1__c: **/**/**** is not valid
}
