namespace alignsim::model {}
